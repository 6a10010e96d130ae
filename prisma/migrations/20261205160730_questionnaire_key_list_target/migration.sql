-- AlterEnum
ALTER TYPE "QuestionnaireTarget" ADD VALUE 'KEY_LIST';

-- AlterTable
ALTER TABLE "Questionnaire" ADD COLUMN     "targetListId" UUID;

-- AddForeignKey
ALTER TABLE "Questionnaire" ADD CONSTRAINT "Questionnaire_targetListId_fkey" FOREIGN KEY ("targetListId") REFERENCES "KeyList"("id") ON DELETE SET NULL ON UPDATE CASCADE;
