import type { Catalogue } from './zh-CN';

export const followUpsEn: Catalogue['followUps'] = {
  method: { phone: 'Phone', wechat: 'WeChat', home_visit: 'Home visit', in_person: 'In person' },
  symptom: {
    fever: 'Fever',
    cough: 'Cough',
    sore_throat: 'Sore throat',
    fatigue: 'Fatigue',
    diarrhoea: 'Diarrhoea',
    shortness_of_breath: 'Short of breath',
    other: 'Other',
  },
  study: { yes: 'Studied', partly: 'Partly', no: 'Did not study' },
  status: { pending: 'Not contacted', well: 'Reached · well', exception: 'Exception', unreachable: 'Not reached' },
};
