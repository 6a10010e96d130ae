/**
 * Runs one "password-reset.send" job's work the way a job worker does, into a folder of
 * .eml files: for end-to-end tests, whose server runs no jobs. Run with tsx (the mail
 * texts are JSON modules, which Playwright's loader does not import):
 *
 *   DATABASE_URL=… node --import tsx tests/support/send-reset-mail.ts <resetId> <outbox dir> <base URL>
 *
 * Prints the job's result ("sent", "expired" …).
 */
import { sendPasswordResetEmail } from "@/lib/accounts/mutations/send-password-reset-email";
import { createPrismaClient } from "@/lib/server/db";

async function main(): Promise<void> {
  const [resetId, dir, baseUrl] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!resetId || !dir || !baseUrl || !url) throw new Error("usage: DATABASE_URL=… send-reset-mail.ts <resetId> <dir> <baseUrl>");
  const prisma = createPrismaClient(url);
  try {
    const settings = { config: { transport: "file" as const, dir, from: "融桥 <no-reply@rongqiao.local>" }, baseUrl };
    process.stdout.write(`${await sendPasswordResetEmail(prisma, resetId, settings)}\n`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`send-reset-mail: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
