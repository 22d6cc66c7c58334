import type { ThemeConfig } from 'antd';

/**
 * antd's default blue (#1677ff) and red on white fall short of WCAG AA
 * contrast (4.5:1) for text and for white text on buttons; these darker
 * steps of the same palettes pass. Hover and pressed shades are darker still:
 * antd derives lighter ones, and white text on a hovered button then fails
 * AA (axe caught it on the login button under the pointer after a click).
 * Phones get 44 px controls (touch targets). With reduced motion asked for,
 * antd's transitions are off (a colour mid-fade is also what axe once measured).
 */
export function appTheme(isPhone: boolean, reducedMotion = false): ThemeConfig {
  return {
    token: {
      motion: !reducedMotion,
      colorPrimary: '#0958d9',
      colorPrimaryHover: '#003eb3',
      colorPrimaryActive: '#002c8c',
      colorLinkHover: '#003eb3',
      colorLinkActive: '#002c8c',
      colorInfo: '#0958d9',
      colorLink: '#0958d9',
      colorError: '#c41d1d',
      colorSuccess: '#237804',
      colorWarning: '#ad4e00',
      colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
      colorTextDescription: 'rgba(0, 0, 0, 0.68)',
      colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
      borderRadius: 6,
      controlHeight: isPhone ? 44 : 36,
      fontSize: isPhone ? 16 : 14,
      fontFamily:
        "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
    },
    components: {
      Menu: { itemHeight: 44, itemMarginBlock: 2 },
      Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: isPhone ? '0 8px' : '0 24px', headerHeight: 56 },
    },
  };
}
