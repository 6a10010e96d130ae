import { randomUUID } from "node:crypto";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { Role } from "@/lib/generated/prisma/enums";
import { findExistingUsccs, listImportParks, parkOfOrg } from "../queries/import-context";
import { enterpriseValidator, existingUsccErrors, sortErrors, type TEnterpriseDraft } from "../rules";
import {
  breathe,
  checkRows,
  INSERT_SLICE,
  isUniqueViolation,
  openImportFile,
  type TImportFile,
  type TImportOptions,
  type TImportResult,
} from "../run";

/**
 * Imports enterprises from an .xlsx or .csv file, all or nothing.
 *
 * Every row is checked (USCC check character, park, required fields, size and industry,
 * duplicates in the file and in the database); on any error nothing is written and the
 * result lists every problem by row. Otherwise, in one transaction: an Organization
 * (ENTERPRISE) and an Enterprise (APPROVED: the park window or the finance office
 * vouches for them, so there is no review) per row, written with
 * `INSERT … SELECT FROM unnest(…)` in slices of INSERT_SLICE rows, and one audit entry
 * "enterprises.imported" with the count.
 *
 * A park window imports into its own park only (a blank park cell means its park); the
 * finance office into any active park.
 */
export async function importEnterprises(
  db: PrismaClient,
  actor: TActor,
  file: TImportFile,
  options: TImportOptions,
): Promise<TImportResult> {
  if (!canActor(actor, "enterprises.import")) throw new AppError("forbidden");
  const now = options.now ?? new Date();
  const progress = options.onProgress;
  const opened = await openImportFile(file, progress);
  if ("refused" in opened) return opened.refused;
  const { sheet, rows } = opened;

  let ownParkId: string | null = null;
  if (actor.role === Role.PARK_STAFF) {
    const own = await parkOfOrg(db, actor.orgId);
    if (!own) return { ok: false, rows, fileError: { code: "noPark" }, errors: [] };
    ownParkId = own.id;
  }
  // Every active park, also for a park window: a row naming another park is told so.
  const parks = await listImportParks(db);
  const validator = enterpriseValidator(sheet, { parks, ownParkId });
  if (validator.fileError) return { ok: false, rows, fileError: validator.fileError, errors: [] };

  const { drafts, errors } = await checkRows(sheet.rows, validator.check, progress);
  progress?.({ phase: "checking", done: 0, total: drafts.length });
  const existing = await findExistingUsccs(
    db,
    drafts.map((d) => d.uscc),
  );
  errors.push(...existingUsccErrors(drafts, existing));
  if (errors.length > 0) return { ok: false, rows, fileError: null, errors: sortErrors(errors) };

  progress?.({ phase: "inserting", done: 0, total: drafts.length });
  try {
    await db.$transaction(
      async (tx) => {
        await insertEnterprises(tx, drafts, now, (done) => progress?.({ phase: "inserting", done, total: drafts.length }));
        const perPark = new Map<string, number>();
        for (const d of drafts) perPark.set(d.parkId, (perPark.get(d.parkId) ?? 0) + 1);
        await writeAudit(tx, {
          action: "enterprises.imported",
          actorUserId: actor.userId,
          actorOrgId: actor.orgId,
          ...(perPark.size === 1 ? { targetType: "Park", targetId: [...perPark.keys()][0]! } : {}),
          ...options.meta,
          details: {
            count: drafts.length,
            fileName: file.name.slice(0, 200),
            format: sheet.format,
            ...(sheet.encoding ? { encoding: sheet.encoding } : {}),
            parks: [...perPark].map(([parkId, count]) => ({ parkId, count })),
          },
        });
      },
      { timeout: 600_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another import or a registration took one of these USCCs meanwhile: say which.
    const taken = await findExistingUsccs(
      db,
      drafts.map((d) => d.uscc),
    );
    const lost = existingUsccErrors(drafts, taken);
    return { ok: false, rows, fileError: lost.length > 0 ? null : { code: "conflict" }, errors: lost };
  }
  return { ok: true, inserted: drafts.length, rows };
}

function tagsLiteral(tags: readonly string[]): string {
  return `{${tags.map((t) => `"${t.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}

const INSERT_ORGS = `
  INSERT INTO "Organization" ("id", "kind", "name", "active", "createdAt", "updatedAt")
  SELECT t.id::uuid, 'ENTERPRISE'::"OrgKind", t.name, true, $3::timestamptz, $3::timestamptz
    FROM unnest($1::text[], $2::text[]) AS t(id, name)`;

const INSERT_ENTERPRISES = `
  INSERT INTO "Enterprise" ("id", "orgId", "uscc", "name", "parkId", "industrySection", "size", "tags",
                            "contactName", "contactMobile", "registrationStatus", "reviewedAt", "createdAt", "updatedAt")
  SELECT t.id::uuid, t.org_id::uuid, t.uscc, t.name, t.park_id::uuid, t.section, t.size::"EnterpriseSize", t.tags::text[],
         t.contact_name, t.contact_mobile, 'APPROVED'::"RegistrationStatus", $11::timestamptz, $11::timestamptz, $11::timestamptz
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
      AS t(id, org_id, uscc, name, park_id, section, size, tags, contact_name, contact_mobile)`;

/** The rows, in slices; `onSlice(done)` after each. Joins the caller's transaction. */
export async function insertEnterprises(
  tx: Prisma.TransactionClient,
  drafts: readonly TEnterpriseDraft[],
  now: Date,
  onSlice?: (done: number) => void,
): Promise<number> {
  const at = now.toISOString();
  let done = 0;
  for (let start = 0; start < drafts.length; start += INSERT_SLICE) {
    const slice = drafts.slice(start, start + INSERT_SLICE);
    const orgIds = slice.map(() => randomUUID());
    const names = slice.map((d) => d.name);
    await tx.$executeRawUnsafe(INSERT_ORGS, orgIds, names, at);
    await tx.$executeRawUnsafe(
      INSERT_ENTERPRISES,
      slice.map(() => randomUUID()),
      orgIds,
      slice.map((d) => d.uscc),
      names,
      slice.map((d) => d.parkId),
      slice.map((d) => d.industrySection),
      slice.map((d) => d.size),
      slice.map((d) => tagsLiteral(d.tags)),
      slice.map((d) => d.contactName),
      slice.map((d) => d.contactMobile),
      at,
    );
    done += slice.length;
    onSlice?.(done);
    await breathe();
  }
  return done;
}
