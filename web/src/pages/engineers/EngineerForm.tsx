import { ModalForm, ProFormSelect, ProFormSwitch, ProFormText } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form } from 'antd';
import type { RuleObject } from 'antd/es/form';
import { deploymentApi } from '../../api/clients';
import { ApiError } from '../../api/problem';
import { t } from '../../i18n';
import { classifyWriteError, useFormErrors, useIdempotencyKey } from '../../lib/forms';
import { FormAlert } from '../operations/FormAlert';
import { ifMatchOf } from '../deployments/deploymentQueries';
import {
  engineerKeys,
  invalidateEngineers,
  type Engineer,
  type EngineerRead,
  type EngineerUpdate,
  type NewEngineer,
} from './engineerQueries';

export interface EngineerValues {
  name?: string;
  email?: string;
  region?: string;
  skills?: string[];
  active?: boolean;
}

/** The API's limits (EngineerUpdate / NewEngineer). */
export const LIMITS = { name: 200, email: 254, region: 50, skill: 50, skills: 30 } as const;

function valuesOf(engineer: Engineer | undefined): EngineerValues {
  if (!engineer) return { active: true, skills: [] };
  return {
    name: engineer.name,
    email: engineer.email,
    region: engineer.region,
    skills: engineer.skills ?? [],
    active: engineer.active !== false,
  };
}

/** Skills trimmed, blanks and repeats (ignoring case) left out, in the order typed. */
export function cleanSkills(skills: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of skills ?? []) {
    const skill = raw.trim();
    if (!skill || seen.has(skill.toLowerCase())) continue;
    seen.add(skill.toLowerCase());
    result.push(skill);
  }
  return result;
}

const skillsRule = {
  validator: (_rule: RuleObject, value: string[] | undefined) => {
    const skills = cleanSkills(value);
    if (skills.length > LIMITS.skills)
      return Promise.reject(new Error(t('engineers.validation.tooManySkills', { max: LIMITS.skills })));
    const long = skills.find((s) => s.length > LIMITS.skill);
    if (long)
      return Promise.reject(
        new Error(t('engineers.validation.skillTooLong', { skill: long, max: LIMITS.skill })),
      );
    return Promise.resolve();
  },
};

interface Props {
  /** Mount the modal when it opens (`{open && <EngineerFormModal open … />}`): each opening starts afresh. */
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The engineer to change, with the ETag it was read with; none to create one. */
  read?: EngineerRead;
  /** Refetch the engineer after a conflict (what was typed is kept). */
  onReload?: () => void;
  onSaved?: (engineer: Engineer) => void;
}

/**
 * Creates an engineer or changes one (admin): name, e-mail, region, skills, active. Server problems
 * go beside their fields; a change is sent with If-Match and the version read, so someone else's
 * change in the meantime is a conflict that offers to reload (keeping what was typed).
 */
export function EngineerFormModal({ open, onOpenChange, read, onReload, onSaved }: Props) {
  const [form] = Form.useForm<EngineerValues>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const idempotency = useIdempotencyKey();
  const errors = useFormErrors(form);
  const editing = read?.engineer;

  const mutation = useMutation({
    mutationFn: async (values: EngineerValues): Promise<EngineerRead> => {
      const common = {
        name: values.name!.trim(),
        email: values.email!.trim(),
        region: values.region!.trim(),
        skills: cleanSkills(values.skills),
        active: values.active !== false,
      };
      if (editing?.id) {
        const body: EngineerUpdate = { ...common, version: editing.version };
        const ifMatch = ifMatchOf(read?.etag, editing.version);
        const { data, response } = await deploymentApi.PUT('/api/v1/engineers/{id}', {
          params: { path: { id: editing.id }, header: ifMatch ? { 'If-Match': ifMatch } : undefined },
          body,
        });
        return { engineer: data!, etag: response.headers.get('ETag') ?? undefined };
      }
      const body: NewEngineer = common;
      const { data, response } = await deploymentApi.POST('/api/v1/engineers', {
        body,
        headers: { 'Idempotency-Key': idempotency.key },
      });
      return { engineer: data!, etag: response.headers.get('ETag') ?? undefined };
    },
  });

  const submit = async (values: EngineerValues): Promise<boolean> => {
    errors.clear();
    try {
      const saved = await mutation.mutateAsync(values);
      if (saved.engineer.id) queryClient.setQueryData(engineerKeys.detail(saved.engineer.id), saved);
      invalidateEngineers(queryClient);
      if (!editing) idempotency.renew();
      void message.success(
        editing
          ? t('engineers.form.saved', { name: saved.engineer.name ?? '' })
          : t('engineers.form.created', { name: saved.engineer.name ?? '' }),
      );
      onSaved?.(saved.engineer);
      return true;
    } catch (error) {
      errors.report(error);
      // an e-mail another engineer has is a 409 without field errors: say it beside the e-mail
      if (
        classifyWriteError(error) === 'conflict' &&
        error instanceof ApiError &&
        /e-?mail/i.test(error.problem?.detail ?? '')
      ) {
        form.setFields([{ name: 'email', errors: [t('engineers.validation.emailTaken')] }]);
      }
      return false;
    }
  };

  const reload = () => {
    onReload?.();
    errors.clear();
  };

  return (
    <ModalForm<EngineerValues>
      open={open}
      form={form}
      name={editing ? 'edit-engineer' : 'create-engineer'}
      title={
        editing
          ? t('engineers.form.editTitle', { name: editing.name ?? '' })
          : t('engineers.form.createTitle')
      }
      width={560}
      layout="vertical"
      initialValues={valuesOf(editing)}
      onOpenChange={(next) => {
        if (!next) errors.clear();
        onOpenChange(next);
      }}
      modalProps={{ destroyOnHidden: true, maskClosable: !mutation.isPending }}
      submitter={{
        searchConfig: {
          submitText: editing ? t('engineers.form.save') : t('engineers.form.create'),
          resetText: t('action.cancel'),
        },
        submitButtonProps: { disabled: mutation.isPending },
      }}
      onValuesChange={() => errors.feedback?.kind === 'validation' && errors.clear()}
      onFinish={submit}
    >
      <ProFormText
        name="name"
        label={t('engineers.field.name')}
        fieldProps={{ maxLength: LIMITS.name, autoComplete: 'off' }}
        rules={[{ required: true, whitespace: true, message: t('engineers.validation.nameRequired') }]}
      />
      <ProFormText
        name="email"
        label={t('engineers.field.email')}
        fieldProps={{ maxLength: LIMITS.email, type: 'email', autoComplete: 'off' }}
        rules={[
          { required: true, whitespace: true, message: t('engineers.validation.emailRequired') },
          { type: 'email', message: t('engineers.validation.emailInvalid') },
        ]}
      />
      <ProFormText
        name="region"
        label={t('engineers.field.region')}
        placeholder={t('engineers.form.regionPlaceholder')}
        fieldProps={{ maxLength: LIMITS.region }}
        rules={[{ required: true, whitespace: true, message: t('engineers.validation.regionRequired') }]}
      />
      <ProFormSelect
        name="skills"
        label={t('engineers.field.skills')}
        mode="tags"
        placeholder={t('engineers.form.skillsPlaceholder')}
        extra={t('engineers.form.skillsHelp', { max: LIMITS.skills })}
        fieldProps={{ tokenSeparators: [','], notFoundContent: null }}
        rules={[skillsRule]}
      />
      <ProFormSwitch
        name="active"
        label={t('engineers.field.active')}
        extra={t('engineers.form.activeHelp')}
      />
      <FormAlert feedback={errors.feedback} onReload={onReload ? reload : undefined} />
    </ModalForm>
  );
}
