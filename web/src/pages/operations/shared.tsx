import { useEffect } from 'react';
import { Button } from 'antd';
import type { Role } from '../../auth/roles';

/** What the operations page gives each form. */
export interface OperationProps {
  roles: Role[];
  /** `?license=` of the URL: the license every form starts with. */
  licenseId: string | undefined;
  /** The user picked (or cleared) a license in a form: the URL follows, so the other tabs do too. */
  onLicensePick: (id: string | undefined) => void;
}

/** Keeps a form's `licenseId` field on the license the URL names. */
interface LicenseField {
  getFieldValue: (name: 'licenseId') => unknown;
  setFieldValue: (name: 'licenseId', value: string) => void;
}

export function useLicenseFromUrl(form: LicenseField, licenseId: string | undefined): void {
  useEffect(() => {
    if (licenseId && form.getFieldValue('licenseId') !== licenseId) {
      form.setFieldValue('licenseId', licenseId);
    }
  }, [form, licenseId]);
}

/** ProForm's button row: one primary submit button, disabled while the request runs. */
export function submitButton(label: string, pending: boolean, options: { danger?: boolean } = {}) {
  return {
    render: () => [
      <Button
        key="submit"
        type="primary"
        danger={options.danger}
        htmlType="submit"
        loading={pending}
        disabled={pending}
      >
        {label}
      </Button>,
    ],
  };
}

/** Two columns on wide screens (form, context), one on narrow ones. */
export const formColumn = { xs: 24, lg: 14 } as const;
export const contextColumn = { xs: 24, lg: 10 } as const;
