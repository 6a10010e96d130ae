-- CreateTable
CREATE TABLE "AttachmentBlob" (
    "storedName" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttachmentBlob_pkey" PRIMARY KEY ("storedName")
);

-- A stored file is written once: its bytes are what the Attachment row's sha256 and the
-- ledger entry that cites it describe, so no UPDATE, from the application or the owner.
-- Its bytes go only after its Attachment row (a file tied to a ledger entry keeps its
-- row, and so its bytes); removing the bytes under a row would leave a dangling file.
CREATE FUNCTION "rq_attachment_blob_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'attachment file %: UPDATE is not allowed (files are written once)', OLD."storedName"
      USING ERRCODE = 'P0001';
  END IF;
  IF EXISTS (SELECT 1 FROM "Attachment" WHERE "storedName" = OLD."storedName") THEN
    RAISE EXCEPTION 'attachment file % is still named by an attachment: delete the attachment first', OLD."storedName"
      USING ERRCODE = 'P0001';
  END IF;
  RETURN OLD;
END;
$$;

CREATE TRIGGER "AttachmentBlob_guard" BEFORE UPDATE OR DELETE ON "AttachmentBlob"
  FOR EACH ROW EXECUTE FUNCTION "rq_attachment_blob_guard"();
