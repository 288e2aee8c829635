import { Space, Switch } from 'antd';

/** The overseers' "all of them" switch on a list page (the exchange and the regulator see every item, not only their own). */
export function AllSwitch({ checked, label, testId, onChange }: { checked: boolean; label: string; testId: string; onChange(on: boolean): void }) {
  return (
    <Space size={8}>
      <Switch checked={checked} onChange={onChange} data-testid={testId} aria-label={label} />
      <span>{label}</span>
    </Space>
  );
}
