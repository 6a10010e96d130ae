import type { Prisma } from "@/lib/generated/prisma/client";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { isImplementationStarted } from "@/lib/programs/rules";

// The program whose pairings are shown and changed: the current program of the
// Asia/Shanghai year (lib/programs), and whether its pairings are locked — from the day
// its implementation phase starts (Asia/Shanghai date ≥ IMPLEMENTATION.startsOn).

export type TPairingProgram = {
  id: string;
  name: string;
  year: number;
  implementationStartsOn: Date | null;
  locked: boolean;
};

type TDb = Pick<Prisma.TransactionClient, "program" | "programPhase" | "programRuleVersion">;

export function shanghaiYear(now: Date): number {
  return Number(shanghaiDateString(now).slice(0, 4));
}

export async function getPairingProgram(db: TDb, now: Date, year: number = shanghaiYear(now)): Promise<TPairingProgram | null> {
  const program = await getCurrentProgram(db, year, now);
  if (!program) return null;
  return {
    id: program.id,
    name: program.name,
    year: program.year,
    implementationStartsOn: program.phases.find((p) => p.kind === "IMPLEMENTATION")?.startsOn ?? null,
    locked: isImplementationStarted(program.phases, now),
  };
}
