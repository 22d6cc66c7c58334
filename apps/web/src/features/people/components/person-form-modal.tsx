import { useMemo } from 'react';
import { App, Button, Checkbox, Flex, Form, Input, Radio, Select, Typography, type FormRule } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  DeviceAccess,
  Gender,
  ID_PROBLEM_KEYS,
  idNumberProblem,
  normaliseIdNumber,
  PersonInput,
  PersonUpdate,
  translate,
  Whereabouts,
  type PersonDetail,
  type PersonKind,
} from '@campus/shared';
import { CategorySelect } from '@/features/census';
import { useClasses } from '@/features/classes';
import { SchoolSelect } from '@/features/schools';
import { FormModal } from '@/components/ui/form-modal';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useIsPhone } from '@/lib/use-is-phone';
import { useCreatePerson } from '../api/create-person';
import { useUpdatePerson } from '../api/update-person';
import { rosterCan } from '../permissions';
import { usePersonClassLabel } from './use-person-class-label';

const MAX_GUARDIANS = 3;

interface GuardianValues {
  name?: string;
  relation?: string;
  phone?: string;
}

interface PersonFormValues {
  schoolId?: string;
  kind?: PersonKind;
  name?: string;
  gender?: string | null;
  idNumber?: string;
  studentNumber?: string;
  classId?: string | null;
  phone?: string;
  categoryId?: string | null;
  whereabouts?: string;
  leftBehind?: boolean;
  deviceAccess?: string | null;
  guardianCanUseDevice?: 'yes' | 'no' | null;
  homeVillage?: string;
  address?: string;
  notes?: string;
  guardians?: GuardianValues[];
}

interface PersonFormModalProps {
  open: boolean;
  /** Edit this person; add a new one when absent. */
  person?: PersonDetail;
  /** New people go to this school (the roster's); the centre picks one when absent. */
  schoolId?: string;
  onClose: () => void;
}

function valuesOf(person: PersonDetail): PersonFormValues {
  return {
    kind: person.kind,
    name: person.name,
    gender: person.gender,
    idNumber: '',
    studentNumber: person.studentNumber ?? '',
    classId: person.classId,
    phone: person.phone ?? '',
    categoryId: person.category?.id ?? null,
    whereabouts: person.whereabouts,
    leftBehind: person.leftBehind,
    deviceAccess: person.deviceAccess,
    guardianCanUseDevice: person.guardianCanUseDevice === null ? null : person.guardianCanUseDevice ? 'yes' : 'no',
    homeVillage: person.homeVillage ?? '',
    address: person.address ?? '',
    notes: person.notes ?? '',
    guardians: person.guardians.map((guardian) => ({ name: guardian.name, relation: guardian.relation, phone: guardian.phone ?? '' })),
  };
}

const EMPTY: PersonFormValues = {
  kind: 'student',
  name: '',
  gender: null,
  idNumber: '',
  studentNumber: '',
  classId: null,
  phone: '',
  categoryId: null,
  whereabouts: 'home_township',
  leftBehind: false,
  deviceAccess: null,
  guardianCanUseDevice: null,
  homeVillage: '',
  address: '',
  notes: '',
  guardians: [{ name: '', relation: '', phone: '' }],
};

/** The form's values in the shape of the shared schemas (before their own normalising). */
function payloadOf(values: PersonFormValues) {
  const guardians = (values.guardians ?? [])
    .map((guardian) => ({ name: guardian.name?.trim() ?? '', relation: guardian.relation?.trim() ?? '', phone: guardian.phone?.trim() ? guardian.phone.trim() : null }))
    // A guardian row left entirely blank is no guardian.
    .filter((guardian) => guardian.name || guardian.relation || guardian.phone);
  return {
    kind: values.kind ?? 'student',
    name: values.name ?? '',
    gender: values.gender ?? null,
    idNumber: values.idNumber ?? '',
    studentNumber: values.studentNumber ?? '',
    classId: values.classId ?? null,
    phone: values.phone ?? '',
    categoryId: values.categoryId ?? null,
    whereabouts: values.whereabouts ?? 'home_township',
    leftBehind: Boolean(values.leftBehind),
    deviceAccess: values.deviceAccess ?? null,
    guardianCanUseDevice: values.guardianCanUseDevice === 'yes' ? true : values.guardianCanUseDevice === 'no' ? false : null,
    homeVillage: values.homeVillage ?? '',
    address: values.address ?? '',
    notes: values.notes ?? '',
    guardians,
  };
}

type Payload = ReturnType<typeof payloadOf>;

/** Only what the user changed: the server's history then says what really happened. */
function changedFields(before: Payload, after: Payload): Partial<Payload> {
  const changed: Partial<Payload> = {};
  for (const key of Object.keys(after) as (keyof Payload)[]) {
    // An empty ID number box on an edit means "keep the number on file".
    if (key === 'idNumber' && !after.idNumber.trim()) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) (changed as Record<string, unknown>)[key] = after[key];
  }
  return changed;
}

/** Add a person or edit one: the same shared schemas as the server, ID numbers checked as they are typed. */
export function PersonFormModal(props: PersonFormModalProps) {
  return props.open ? <PersonForm {...props} /> : null;
}

function PersonForm({ person, schoolId: fixedSchoolId, onClose }: PersonFormModalProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const [form] = Form.useForm<PersonFormValues>();
  const createPerson = useCreatePerson();
  const updatePerson = useUpdatePerson();
  const classLabel = usePersonClassLabel();
  const role = me.user.role;
  const teacher = role === 'class_teacher';

  const watchedSchoolId = Form.useWatch('schoolId', form);
  const kind = Form.useWatch('kind', form) ?? person?.kind ?? 'student';
  const schoolId = person?.schoolId ?? fixedSchoolId ?? watchedSchoolId;
  const classes = useClasses({ schoolId, includeInactive: false });
  const classOptions = useMemo(
    () =>
      (classes.data ?? []).map((schoolClass) => ({
        value: schoolClass.id,
        label: classLabel({ schoolId: schoolClass.schoolId, grade: schoolClass.grade, className: schoolClass.name }) ?? schoolClass.name,
      })),
    [classes.data, classLabel],
  );
  const initial = useMemo(() => (person ? valuesOf(person) : undefined), [person]);

  /** While typing, only problems the rest of the number cannot fix; on leaving the field, all of them. */
  const idNumberRule = (complete: boolean): FormRule => ({
    validateTrigger: complete ? 'onBlur' : 'onChange',
    validator: async (_rule, value: string | undefined) => {
      if (!value?.trim()) return;
      const normalised = normaliseIdNumber(value);
      const problem = idNumberProblem(normalised);
      if (!problem) return;
      const stillTyping = normalised.length < 18 && /^\d*$/.test(normalised) && (problem === 'length' || problem === 'lost_x');
      if (!complete && stillTyping) return;
      throw new Error(translate(ID_PROBLEM_KEYS[problem], language));
    },
  });

  /** An edit sends only what changed (nothing changed: nothing is sent); a new person goes to the chosen school. */
  const toInput = (values: PersonFormValues) => (person && initial ? changedFields(payloadOf(initial), payloadOf(values)) : { ...payloadOf(values), schoolId: schoolId ?? '' });

  const send = async (input: PersonUpdate | PersonInput) => {
    if (person) {
      if (!Object.keys(toInput(form.getFieldsValue(true) as PersonFormValues)).length) return void message.info(t('people.form.unchanged'));
      const saved = await updatePerson.mutateAsync({ id: person.id, input });
      void message.success(t('people.form.updated', { name: saved.name }));
    } else {
      const saved = await createPerson.mutateAsync(input as PersonInput);
      void message.success(t('people.form.created', { name: saved.name }));
    }
  };

  const yesNo = [
    { value: 'yes', label: t('people.detail.yes') },
    { value: 'no', label: t('people.detail.no') },
  ];

  return (
    <FormModal<PersonFormValues, typeof PersonUpdate | typeof PersonInput>
      title={person ? t('people.form.editTitle', { name: person.name }) : t('people.form.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      schema={person ? PersonUpdate : PersonInput}
      toInput={toInput}
      send={send}
      onClose={onClose}
      form={form}
      name={person ? 'edit-person' : 'add-person'}
      initialValues={initial ?? { ...EMPTY, schoolId: fixedSchoolId }}
      // The ID number's own rules check it as it is typed; other fields lose a stale message.
      keepMessagesOf={['idNumber', 'guardians']}
      // Another school: its classes differ.
      onValuesChange={(changed) => {
        if ('schoolId' in changed) form.setFieldsValue({ classId: null });
      }}
      formClassName="person-form"
      errorPlacement="top"
      submitOnEnter
      width={isPhone ? undefined : 760}
    >
      <div className="person-form-grid">
        {person || fixedSchoolId ? null : (
          <Form.Item label={t('people.fields.school')} name="schoolId" required className="span-2">
            <SchoolSelect />
          </Form.Item>
        )}
        {teacher ? null : (
          <Form.Item label={t('people.fields.kind')} name="kind" required>
            <Radio.Group
              optionType="button"
              options={(rosterCan.addStaff(role) ? (['student', 'staff'] as const) : (['student'] as const)).map((value) => ({ value, label: t(`people.kind.${value}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t('people.fields.name')} name="name" required>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('people.fields.gender')} name="gender">
          <Select<string>
            allowClear
            placeholder={t('people.form.notSet')}
            options={Gender.options.map((value) => ({ value, label: t(`people.gender.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          label={t('people.fields.idNumber')}
          name="idNumber"
          validateTrigger={['onChange', 'onBlur']}
          rules={[idNumberRule(false), idNumberRule(true)]}
          extra={person ? t('people.form.idNumberEditHelp', { masked: person.idNumber ?? t('people.detail.notRecorded') }) : t('people.form.idNumberHelp')}
        >
          <Input maxLength={24} autoComplete="off" inputMode="text" spellCheck={false} className="mono" />
        </Form.Item>
        <Form.Item label={t('people.fields.studentNumber')} name="studentNumber">
          <Input maxLength={30} autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('people.fields.classId')} name="classId" required={kind === 'student'} extra={kind === 'student' ? t('people.form.classHelp') : undefined}>
          <Select<string>
            allowClear={kind !== 'student'}
            placeholder={schoolId ? undefined : t('people.form.chooseSchoolFirst')}
            disabled={!schoolId}
            loading={Boolean(schoolId) && classes.isPending}
            options={classOptions}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item label={t('people.fields.categoryId')} name="categoryId">
          <CategorySelect allowClear placeholder={t('people.form.categoryDefault')} />
        </Form.Item>
        <Form.Item label={t('people.fields.whereabouts')} name="whereabouts" required>
          <Select<string> options={Whereabouts.options.map((value) => ({ value, label: t(`people.whereabouts.${value}`) }))} />
        </Form.Item>
        <Form.Item label={t('people.fields.deviceAccess')} name="deviceAccess">
          <Select<string> allowClear placeholder={t('people.form.notSet')} options={DeviceAccess.options.map((value) => ({ value, label: t(`people.deviceAccess.${value}`) }))} />
        </Form.Item>
        <Form.Item label={t('people.fields.guardianCanUseDevice')} name="guardianCanUseDevice">
          <Select<string> allowClear placeholder={t('people.form.notSet')} options={yesNo} />
        </Form.Item>
        <Form.Item name="leftBehind" valuePropName="checked" className="checkbox-item">
          <Checkbox>{t('people.fields.leftBehind')}</Checkbox>
        </Form.Item>
        <Form.Item label={t('people.fields.phone')} name="phone">
          <Input maxLength={24} inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('people.fields.homeVillage')} name="homeVillage">
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label={t('people.fields.address')} name="address" className="span-2">
          <Input maxLength={120} />
        </Form.Item>
      </div>

      <fieldset className="guardians-fieldset">
        <legend>{t('people.fields.guardians')}</legend>
        <Typography.Text type="secondary">{t('people.form.guardiansHelp')}</Typography.Text>
        <Form.List name="guardians">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <div key={field.key} className="guardian-row" role="group" aria-label={t('people.form.guardianN', { index: index + 1 })}>
                  <Form.Item label={t('people.fields.guardianName')} name={[field.name, 'name']} required>
                    <Input maxLength={40} autoComplete="off" />
                  </Form.Item>
                  <Form.Item label={t('people.fields.guardianRelation')} name={[field.name, 'relation']} required>
                    <Input maxLength={20} autoComplete="off" />
                  </Form.Item>
                  <Form.Item label={t('people.fields.guardianPhone')} name={[field.name, 'phone']}>
                    <Input maxLength={24} inputMode="tel" autoComplete="off" />
                  </Form.Item>
                  <Button
                    className="guardian-remove"
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('people.form.removeGuardian', { index: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </div>
              ))}
              {fields.length < MAX_GUARDIANS ? (
                <Flex>
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', relation: '', phone: '' })}>
                    {t('people.form.addGuardian')}
                  </Button>
                </Flex>
              ) : null}
            </>
          )}
        </Form.List>
      </fieldset>

      <Form.Item label={t('people.fields.notes')} name="notes">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormModal>
  );
}
