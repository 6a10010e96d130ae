import { Badge } from "./badge";

/** Whether a record is in use (在册) or deactivated (已停用), as a badge. */
export function ActiveBadge({ active, labels }: { active: boolean; labels: { active: string; inactive: string } }) {
  return <Badge tone={active ? "ok" : "muted"}>{active ? labels.active : labels.inactive}</Badge>;
}
