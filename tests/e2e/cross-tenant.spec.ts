import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support/auth";
import { queryDemo, serverActionId } from "./support/demo-data";

// Another tenant's id must find nothing — through the page and through the server
// action posted directly over HTTP, without the page — and never leak the data.

async function postAction(page: Page, pagePath: string, actionId: string, args: unknown[]): Promise<string> {
  const response = await page.request.post(pagePath, {
    headers: { "Next-Action": actionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify(args),
  });
  expect(response.status()).toBeLessThan(500);
  return response.text();
}

const timelineAction = () => serverActionId("app/(portal)/requests/[id]/actions.ts", "requestTimelineAction");
const revealAction = () => serverActionId("app/(portal)/enterprises/[id]/actions.ts", "revealEnterpriseContactAction");

type TReq = { id: string; title: string; serial: string };

test("a bank liaison cannot open another bank's request", async ({ page }) => {
  const [own] = await queryDemo<TReq>(
    `SELECT r.id, r.title, r.serial FROM "Request" r JOIN "User" u ON u.account = 'bank.liaison'
     WHERE r."assignedBankId" = u."orgId" AND r.status <> 'DRAFT' ORDER BY r.serial LIMIT 1`,
  );
  const [foreign] = await queryDemo<TReq>(
    `SELECT r.id, r.title, r.serial FROM "Request" r, "User" u WHERE u.account = 'bank.liaison'
       AND r.status <> 'DRAFT' AND r."assignedBankId" <> u."orgId"
       AND NOT EXISTS (SELECT 1 FROM "RequestRoute" rr WHERE rr."requestId" = r.id AND rr."bankOrgId" = u."orgId")
     ORDER BY r.serial LIMIT 1`,
  );
  expect(own && foreign).toBeTruthy();
  await signInAs(page, "bank.liaison");

  await page.goto(`/requests/${own!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: own!.title })).toBeVisible();
  const response = await page.goto(`/requests/${foreign!.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
  await expect(page.getByText(foreign!.serial)).toHaveCount(0);

  const ownBody = await postAction(page, `/requests/${own!.id}`, timelineAction(), [{ requestId: own!.id }]);
  expect(ownBody).toContain('"ok":true');
  const foreignBody = await postAction(page, `/requests/${own!.id}`, timelineAction(), [{ requestId: foreign!.id }]);
  expect(foreignBody).toContain('"error":"notFound"');
  expect(foreignBody).not.toContain('"ok":true');
});

test("a park window cannot read another park's enterprise", async ({ page }) => {
  const [own] = await queryDemo<{ id: string; name: string }>(
    `SELECT e.id, e.name FROM "Enterprise" e JOIN "Park" p ON p.id = e."parkId" JOIN "User" u ON u."orgId" = p."orgId"
     WHERE u.account = 'park.window' AND e."contactMobile" IS NOT NULL ORDER BY e.uscc LIMIT 1`,
  );
  const [foreign] = await queryDemo<{ id: string; name: string; contactMobile: string }>(
    `SELECT e.id, e.name, e."contactMobile" FROM "Enterprise" e JOIN "Park" p ON p.id = e."parkId", "User" u
     WHERE u.account = 'park.window' AND p."orgId" <> u."orgId" AND e."contactMobile" IS NOT NULL ORDER BY e.uscc LIMIT 1`,
  );
  await signInAs(page, "park.window");

  await page.goto(`/enterprises/${own!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: own!.name })).toBeVisible();
  await expect(page.getByTestId("contact-mobile")).toHaveText(/^\d{3}\*{4}\d{4}$/);
  const response = await page.goto(`/enterprises/${foreign!.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(foreign!.name)).toHaveCount(0);

  const ownBody = await postAction(page, `/enterprises/${own!.id}`, revealAction(), [{ enterpriseId: own!.id }]);
  expect(ownBody).toContain('"ok":true');
  const foreignBody = await postAction(page, `/enterprises/${own!.id}`, revealAction(), [{ enterpriseId: foreign!.id }]);
  expect(foreignBody).toContain('"error":"notFound"');
  expect(foreignBody).not.toContain(foreign!.contactMobile);
});

test("an enterprise cannot read another enterprise's request", async ({ page }) => {
  const [own] = await queryDemo<TReq>(
    `SELECT r.id, r.title, r.serial FROM "Request" r JOIN "Enterprise" e ON e.id = r."enterpriseId" JOIN "User" u ON u."orgId" = e."orgId"
     WHERE u.account = 'enterprise.owner' ORDER BY r.serial LIMIT 1`,
  );
  const [foreign] = await queryDemo<TReq>(
    `SELECT r.id, r.title, r.serial FROM "Request" r JOIN "Enterprise" e ON e.id = r."enterpriseId", "User" u
     WHERE u.account = 'enterprise.owner' AND e."orgId" <> u."orgId" AND r.status <> 'DRAFT' ORDER BY r.serial LIMIT 1`,
  );
  await signInAs(page, "enterprise.owner");

  await page.goto(`/requests/${own!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: own!.title })).toBeVisible();
  const response = await page.goto(`/requests/${foreign!.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(foreign!.serial)).toHaveCount(0);

  const foreignBody = await postAction(page, `/requests/${own!.id}`, timelineAction(), [{ requestId: foreign!.id }]);
  expect(foreignBody).toContain('"error":"notFound"');
  expect(foreignBody).not.toContain('"ok":true');
});
