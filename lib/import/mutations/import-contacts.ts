import { randomUUID } from "node:crypto";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { getCnOfficialCalendar } from "@/lib/calendar/cn-official";
import { workingDaysBetween, type WorkingCalendar } from "@/lib/calendar/working-days";
import { AppError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { findExistingContactKeys, listImportBanks } from "../queries/import-context";
import { contactValidator, existingContactErrors, sortErrors } from "../rules";
import {
  breathe,
  checkRows,
  INSERT_SLICE,
  isUniqueViolation,
  openImportFile,
  shanghaiToday,
  type TImportFile,
  type TImportOptions,
  type TImportResult,
} from "../run";

/** A change must be filed within this many working days of taking effect (《益阳市金融纾困民营和小微企业“两进两促”行动工作方案》 二（二）3). */
export const CONTACT_FILING_DAYS = 3;

/** Filed more than 3 working days after the contact took effect (a date, read as that day in China). */
export function isFiledLate(effectiveOn: string, filedAt: Date, calendar: WorkingCalendar = getCnOfficialCalendar()): boolean {
  return workingDaysBetween(new Date(`${effectiveOn}T00:00:00Z`), filedAt, calendar) > CONTACT_FILING_DAYS;
}

/**
 * Imports bank contacts (first and second responsible person, department, liaison,
 * effective date), all or nothing, as BankContact rows filed now: `filedLate` when now
 * is more than 3 working days after the effective date. One audit entry
 * "contacts.imported" with the count. The finance office loads them at the start of a
 * program year; later changes are filed by the banks themselves.
 */
export async function importContacts(db: PrismaClient, actor: TActor, file: TImportFile, options: TImportOptions): Promise<TImportResult> {
  if (!canActor(actor, "contacts.import")) throw new AppError("forbidden");
  const now = options.now ?? new Date();
  const progress = options.onProgress;
  const opened = await openImportFile(file, progress);
  if ("refused" in opened) return opened.refused;
  const { sheet, rows } = opened;

  const validator = contactValidator(sheet, { banks: await listImportBanks(db), today: shanghaiToday(now) });
  if (validator.fileError) return { ok: false, rows, fileError: validator.fileError, errors: [] };
  const { drafts, errors } = await checkRows(sheet.rows, validator.check, progress);
  progress?.({ phase: "checking", done: 0, total: drafts.length });
  errors.push(
    ...existingContactErrors(
      drafts,
      await findExistingContactKeys(
        db,
        drafts.map((d) => d.bankOrgId),
      ),
    ),
  );
  if (errors.length > 0) return { ok: false, rows, fileError: null, errors: sortErrors(errors) };

  const calendar = getCnOfficialCalendar();
  const data = drafts.map(({ effectiveOn, ...d }) => ({
    id: randomUUID(),
    bankOrgId: d.bankOrgId,
    firstPersonName: d.firstPersonName,
    firstPersonTitle: d.firstPersonTitle,
    firstPersonMobile: d.firstPersonMobile,
    secondPersonName: d.secondPersonName,
    secondPersonTitle: d.secondPersonTitle,
    secondPersonMobile: d.secondPersonMobile,
    department: d.department,
    liaisonName: d.liaisonName,
    liaisonMobile: d.liaisonMobile,
    liaisonPhone: d.liaisonPhone,
    effectiveOn: new Date(`${effectiveOn}T00:00:00Z`),
    filedAt: now,
    filedLate: isFiledLate(effectiveOn, now, calendar),
    createdAt: now,
  }));
  progress?.({ phase: "inserting", done: 0, total: data.length });
  try {
    await db.$transaction(
      async (tx) => {
        for (let start = 0; start < data.length; start += INSERT_SLICE) {
          const slice = data.slice(start, start + INSERT_SLICE);
          await tx.bankContact.createMany({ data: slice });
          progress?.({ phase: "inserting", done: start + slice.length, total: data.length });
          await breathe();
        }
        await writeAudit(tx, {
          action: "contacts.imported",
          actorUserId: actor.userId,
          actorOrgId: actor.orgId,
          ...options.meta,
          details: {
            count: data.length,
            banks: new Set(data.map((d) => d.bankOrgId)).size,
            filedLate: data.filter((d) => d.filedLate).length,
            fileName: file.name.slice(0, 200),
            format: sheet.format,
            ...(sheet.encoding ? { encoding: sheet.encoding } : {}),
          },
        });
      },
      { timeout: 600_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return { ok: false, rows, fileError: { code: "conflict" }, errors: [] };
  }
  return { ok: true, inserted: data.length, rows };
}
