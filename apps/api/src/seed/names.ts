/** Deterministic pseudo-random names so the demo township is the same on every machine. */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉力峰斌宇浩然欣怡子轩梓涵一诺雨桐思远佳琪俊杰晨曦雅婷嘉怡浩宇梦琪博文天佑诗涵若曦紫萱梓萱宇航志强海燕春梅秋菊冬梅晓东晓燕小龙小红';

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function chineseName(random: () => number): string {
  const surname = SURNAMES[Math.floor(random() * SURNAMES.length)]!;
  const length = random() < 0.6 ? 2 : 1;
  let given = '';
  for (let index = 0; index < length; index += 1) given += GIVEN[Math.floor(random() * GIVEN.length)]!;
  return surname + given;
}
