import type { Role } from '@/utils/playbook/schema';

/** One `<option>` per role of the playbook, in its order, for a role picker. */
export function RoleOptions({ roles }: { roles: readonly Pick<Role, 'id' | 'name'>[] }) {
  return roles.map((role) => (
    <option key={role.id} value={role.id}>
      {role.name}
    </option>
  ));
}
