/** Follow-up calls (追踪随访): the shared vocabulary and the "today" worklist. */
export const followUpsZhCN = {
  method: { phone: '电话', wechat: '微信', home_visit: '家访', in_person: '当面' },
  symptom: {
    fever: '发热',
    cough: '咳嗽',
    sore_throat: '咽痛',
    fatigue: '乏力',
    diarrhoea: '腹泻',
    shortness_of_breath: '气促',
    other: '其他',
  },
  study: { yes: '正常学习', partly: '部分参加', no: '未参加' },
  status: { pending: '未联系', well: '已联系 · 正常', exception: '异常', unreachable: '未联系上' },
} as const;
