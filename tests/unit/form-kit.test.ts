/**
 * The design system's text fields, rendered: a limit is shown as a count (and never given
 * to the browser as maxlength, which cuts a paste silently), a text over it is marked
 * invalid, and a required field carries the visible mark and aria-required. The strings
 * come from the message files (zh-CN first).
 */
import { createElement, type ComponentProps, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { TextAreaField } from "@/components/ui/text-area-field";
import { TextField } from "@/components/ui/text-field";
import { SelectField } from "@/components/ui/select-field";
import { FormAlert } from "@/components/forms/form-alert";
import { RequiredNote } from "@/components/forms/required-note";
import zhErrors from "@/lib/i18n/messages/zh-CN/errors.json";
import enErrors from "@/lib/i18n/messages/en/errors.json";

function render(node: ReactNode, messages: Record<string, unknown> = zhErrors, locale = "zh-CN"): string {
  const props: ComponentProps<typeof NextIntlClientProvider> = { locale, messages, timeZone: "Asia/Shanghai", children: null };
  return renderToStaticMarkup(createElement(NextIntlClientProvider, props, node));
}

describe("text fields with a limit", () => {
  it("show the count against the limit and give the browser no maxlength", () => {
    const html = render(createElement(TextAreaField, { label: "具体情况", name: "description", maxLength: 2000, defaultValue: "融资" }));
    expect(html).not.toMatch(/maxlength/i);
    expect(html).toContain("2 / 2000 字");
    expect(html).toMatch(/aria-describedby="[^"]*-count"/);
    expect(html).not.toContain('aria-invalid="');
  });

  it("keep a text over the limit whole, mark it invalid and say by how much", () => {
    const over = "贷".repeat(2001);
    const html = render(
      createElement(TextAreaField, { label: "具体情况", name: "description", maxLength: 2000, value: over, onChange: () => {} }),
    );
    expect(html).toContain(over);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("2001 / 2000 字 · 超出 1 字");
    expect(html).toContain("已超过 2000 字的上限");
  });

  it("count the same way in English", () => {
    const html = render(createElement(TextField, { label: "Title", name: "title", maxLength: 80, defaultValue: "abc" }), enErrors, "en");
    expect(html).toContain("3 / 80 characters");
    expect(html).not.toMatch(/maxlength/i);
  });
});

describe("required fields", () => {
  it("carry a visible mark hidden from screen readers, and aria-required on the control", () => {
    for (const field of [
      createElement(TextField, { label: "金额（万元）", name: "amountFen", required: true }),
      createElement(TextAreaField, { label: "资金用途", name: "purpose", required: true }),
      createElement(SelectField, { label: "诉求类型", name: "type", options: [], required: true }),
    ]) {
      const html = render(field);
      expect(html).toMatch(/<span aria-hidden="true"[^>]*>\*<\/span>/);
      expect(html).toContain('aria-required="true"');
      expect(html).toContain('required=""');
    }
    const optional = render(createElement(TextField, { label: "担保方式", name: "guarantee" }));
    expect(optional).not.toContain("aria-required");
    expect(optional).not.toContain(">*<");
  });

  it("are explained once by the form's note", () => {
    expect(render(createElement(RequiredNote))).toContain("带 * 的为必填项。");
  });
});

describe("the form's alert", () => {
  it("is announced at once and can take focus: the form's message, or how many fields need changing", () => {
    expect(render(createElement(FormAlert, { message: "该内容刚被其他人修改过" }))).toMatch(
      /role="alert" data-form-alert="true" tabindex="-1"[^>]*>该内容刚被其他人修改过/,
    );
    expect(render(createElement(FormAlert, { fieldErrors: 2 }))).toContain("有 2 项需要修改");
    expect(render(createElement(FormAlert, { fieldErrors: 1 }), enErrors, "en")).toContain("1 field needs changing");
    expect(render(createElement(FormAlert, {}))).toBe("");
  });
});

// Files of fields shared by several forms → the forms that draw them (each must show the note).
const FIELD_GROUPS: Record<string, string[]> = {
  "app/(portal)/programs/program-fields.tsx": [
    "app/(portal)/programs/create-program-form.tsx",
    "app/(portal)/programs/[id]/program-forms.tsx",
  ],
  "components/targets/target-figure-fields.tsx": ["app/(portal)/plans/plan-form.tsx", "app/(portal)/targets/[bankOrgId]/target-form.tsx"],
};

describe("every form of the portal", () => {
  it("takes the user to its first error after a refusal (useFocusFirstError's ref on the form or its section)", async () => {
    const { readSource, sourceFilesUnder } = await import("./source-files");
    const forms = [...sourceFilesUnder("app"), ...sourceFilesUnder("components")].filter((rel) => /useActionState</.test(readSource(rel)));
    expect(forms.length).toBeGreaterThan(20);
    const unwired = forms.filter((rel) => {
      const source = readSource(rel);
      const hooks = (source.match(/useFocusFirstError\(/g) ?? []).length;
      const refs = (source.match(/<(?:form|section)\b[^>]*?\bref=\{/g) ?? []).length;
      const states = (source.match(/useActionState</g) ?? []).length;
      return hooks < states || refs < 1;
    });
    expect(unwired).toEqual([]);
  });

  it("that marks a field required explains the mark (RequiredNote)", async () => {
    const { readSource, sourceFilesUnder } = await import("./source-files");
    const unexplained = [...sourceFilesUnder("app"), ...sourceFilesUnder("components")].filter((rel) => {
      if (rel.startsWith("components/ui/") || !rel.endsWith(".tsx")) return false;
      const source = readSource(rel);
      const marks = /<(?:TextField|TextAreaField|SelectField)\b[^>]*?\brequired\b/s.test(source.replace(/\n\s*/g, " "));
      // Fields drawn inside a StepForm (which shows the note) or inside the forms that include these field groups.
      const explainedAround = /from "\.\.\/step-form"/.test(source) || rel in FIELD_GROUPS;
      return marks && !/<RequiredNote\b/.test(source) && !explainedAround;
    });
    expect(unexplained).toEqual([]);
    for (const [group, forms] of Object.entries(FIELD_GROUPS)) {
      for (const form of forms) expect(readSource(form), `${form} includes ${group}`).toMatch(/<RequiredNote\b/);
    }
  });
});
