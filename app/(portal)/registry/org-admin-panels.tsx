import { getTranslations } from "next-intl/server";
import { Panel } from "@/components/ui/panel";
import { RegistryForm, type TFormField } from "./registry-form";

type TAction = Parameters<typeof RegistryForm>[0]["action"];

type Props = {
  org: { id: string; name: string; shortName: string | null; active: boolean };
  editTitle: string;
  /** The edit form's button; "保存" when not given. */
  submitLabel?: string;
  /** This kind of organization's own fields, after its name and short name. */
  moreFields?: TFormField[];
  actions: { update: TAction; deactivate: TAction; reactivate: TAction };
};

// What an administrator may do on a park's, bank's or guarantee company's page: edit its
// name, short name and own fields, and deactivate it or bring it back.
export async function OrgAdminPanels({ org, editTitle, submitLabel, moreFields = [], actions }: Props) {
  const tr = await getTranslations("registry");
  const { active } = org;
  const idField: TFormField = { kind: "hidden", name: "orgId", value: org.id };
  return (
    <>
      <Panel title={editTitle}>
        <RegistryForm
          action={actions.update}
          submitLabel={submitLabel ?? tr("common.save")}
          doneMessage={tr("common.saved")}
          keepValues
          fields={[
            idField,
            { kind: "text", name: "name", label: tr("common.name"), value: org.name, maxLength: 100 },
            { kind: "text", name: "shortName", label: tr("common.shortName"), value: org.shortName, maxLength: 32 },
            ...moreFields,
          ]}
        />
      </Panel>
      <Panel
        title={tr(active ? "common.deactivate.title" : "common.reactivate.title")}
        hint={tr(active ? "common.deactivate.hint" : "common.reactivate.hint")}
      >
        <RegistryForm
          key={String(active)}
          compact
          action={active ? actions.deactivate : actions.reactivate}
          fields={[idField]}
          submitLabel={tr(active ? "common.deactivate.submit" : "common.reactivate.submit")}
        />
      </Panel>
    </>
  );
}
