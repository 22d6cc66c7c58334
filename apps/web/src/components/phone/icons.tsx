import type { SVGProps } from 'react';

/** Inline icons (no icon library on the phone): decoration only, hidden from screen readers; the words beside them carry the meaning. */
function Svg({ path, ...props }: SVGProps<SVGSVGElement> & { path: string }) {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false" className="phone-icon" {...props}>
      <path d={path} />
    </svg>
  );
}

const paths = {
  check: 'M9 16.17 4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41z',
  info: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-6h2v6zm0-8h-2V7h2v2z',
  success: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-2 15-5-5 1.41-1.41L10 14.17l7.59-7.59L19 8l-9 9z',
  warning: 'M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z',
  error: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z',
  phone:
    'M6.62 10.79a15.05 15.05 0 0 0 6.59 6.59l2.2-2.2a1 1 0 0 1 1.02-.24c1.12.37 2.33.57 3.57.57a1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1.02l-2.2 2.2z',
} as const;

export type IconName = keyof typeof paths;
type IconProps = Omit<SVGProps<SVGSVGElement>, 'name'>;

export function Icon({ name, ...props }: IconProps & { name: IconName }) {
  return <Svg path={paths[name]} {...props} />;
}

export const CheckIcon = (props: IconProps) => <Icon name="check" {...props} />;
export const PhoneIcon = (props: IconProps) => <Icon name="phone" {...props} />;
