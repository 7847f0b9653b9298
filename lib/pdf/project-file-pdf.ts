// The project file (档案) as a PDF, drawn with pdfkit. pdfkit's standard fonts have no Chinese, so the text is
// set in Noto Sans (Hans, GB2312 coverage, OFL) from the @embedpdf/fonts-sc package; pdfkit embeds only the
// glyphs used (a subset), so a file stays small. The same font covers Latin text, so one font serves both
// languages.
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { ProjectFile } from "@/lib/data/project-file";
import { POSITIONING_ELEMENTS, SWOT_QUADRANTS } from "@/lib/validations/analysis";
import { stageName } from "@/lib/domain/stages";
import { interpolate, type Locale } from "@/lib/i18n/config";
import { formatDate, formatDateTime, formatMoney, formatPercent } from "@/lib/i18n/format";
import type { Messages } from "@/messages/en";

const FONT_DIR = path.join(process.cwd(), "node_modules", "@embedpdf", "fonts-sc", "fonts");
let fonts: { regular: Buffer; bold: Buffer } | null = null;

/** The two faces, read once per process (8 MB each; pdfkit parses them per document and embeds a subset). */
function loadFonts() {
  fonts ??= {
    regular: readFileSync(path.join(FONT_DIR, "NotoSansHans-Regular.otf")),
    bold: readFileSync(path.join(FONT_DIR, "NotoSansHans-Bold.otf")),
  };
  return fonts;
}

const COLORS = { text: "#0f172a", muted: "#64748b", rule: "#cbd5e1", accent: "#1d4ed8" };
const MARGIN = 48;

/** Renders the file; resolves with the whole PDF (a few hundred KB at most: the fonts are subset). */
export function renderProjectFilePdf(file: ProjectFile, m: Messages, locale: Locale, now = new Date()): Promise<Buffer> {
  const faces = loadFonts();
  // The initial font is ours too, so pdfkit never loads its standard (Latin-only) Helvetica. pdfkit takes a
  // Buffer here as doc.font() does; @types/pdfkit only declares the path form.
  const doc = new PDFDocument({
    size: "A4", margin: MARGIN, font: faces.regular as unknown as string, bufferPages: true,
    info: { Title: `${m.analysis.file.title} · ${file.deal.name}`, Author: file.deal.ownerName, Subject: file.deal.accountName, Creator: "KeyAccount CRM" },
    lang: locale,
  });
  doc.registerFont("regular", faces.regular);
  doc.registerFont("bold", faces.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  drawFile(doc, file, m, locale, now);
  addPageNumbers(doc, m);
  doc.end();
  return done;
}

type Doc = InstanceType<typeof PDFDocument>;

function heading(doc: Doc, title: string) {
  if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
  doc.moveDown(0.8);
  const y = doc.y;
  doc.moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).strokeColor(COLORS.rule).lineWidth(0.5).stroke();
  doc.moveDown(0.4).font("bold").fontSize(12).fillColor(COLORS.text).text(title, MARGIN);
  doc.moveDown(0.2).font("regular").fontSize(9.5).fillColor(COLORS.text);
}

function line(doc: Doc, text: string, options: { indent?: number; muted?: boolean } = {}) {
  doc.font("regular").fontSize(9.5).fillColor(options.muted ? COLORS.muted : COLORS.text)
    .text(text, MARGIN + (options.indent ?? 0), undefined, { width: doc.page.width - 2 * MARGIN - (options.indent ?? 0) });
}

function pair(doc: Doc, term: string, detail: string) {
  doc.font("bold").fontSize(9.5).fillColor(COLORS.text).text(`${term}: `, MARGIN, undefined, { continued: true });
  doc.font("regular").text(detail || "—");
}

function drawFile(doc: Doc, file: ProjectFile, m: Messages, locale: Locale, now: Date) {
  const { deal } = file;
  const a = m.analysis;
  const f = a.file;
  const none = () => line(doc, f.none, { muted: true });
  const name = (userId: string | null | undefined) => (userId ? file.userNames[userId] ?? "—" : a.noOwner);
  const stage = (key: string) => stageName(key as never, locale, file.stageTable);

  doc.font("regular").fontSize(9).fillColor(COLORS.muted).text(f.title.toUpperCase());
  doc.font("bold").fontSize(18).fillColor(COLORS.text).text(deal.name);
  doc.font("regular").fontSize(9.5).fillColor(COLORS.muted).text(`${deal.accountName} · ${interpolate(f.generated, { date: formatDateTime(now, locale) })}`);

  heading(doc, f.keyFacts);
  pair(doc, m.opportunity.owner, deal.ownerName);
  pair(doc, m.opportunity.stage, `${stage(deal.stage)} · ${formatPercent(deal.probability, locale)}`);
  pair(doc, m.opportunity.amount, formatMoney(deal.amount, deal.currency, locale));
  pair(doc, m.opportunity.expectedCloseDate, formatDate(deal.expectedCloseDate, locale));
  pair(doc, a.score.productLine, deal.productLine ?? "—");
  pair(doc, a.score.industry, file.industry ?? "—");
  pair(doc, a.score.title, `${file.score.score} / 100 · ${interpolate(a.score.grade, { grade: file.score.grade })}`);
  if (deal.lossReason) pair(doc, m.opportunity.move.lossReason, deal.lossReason);

  heading(doc, f.history);
  if (!file.history.length) none();
  for (const entry of file.history) {
    const move = entry.fromStage ? `${stage(entry.fromStage)} → ${stage(entry.toStage)}` : stage(entry.toStage);
    const extra = [entry.byUserName, entry.lossReason, entry.reason].filter(Boolean).join(" · ");
    line(doc, `${formatDateTime(entry.at, locale)} — ${move} (${extra})`);
  }

  heading(doc, f.activities);
  if (!file.activities.length) none();
  for (const activity of file.activities) {
    line(doc, `${formatDate(activity.occurredAt, locale)} — ${activity.typeName[locale]} · ${activity.subject} (${activity.userName})`);
  }

  heading(doc, f.team);
  if (!file.team.length) none();
  for (const member of file.team) line(doc, `${member.userName} · ${m.workspace.team.roles[member.role]} · ${member.sharePct}%`);

  heading(doc, `${f.analysis}: ${a.tabs.positioning}`);
  for (const element of POSITIONING_ELEMENTS) {
    const value = file.positioning[element];
    const confirmed = value.confirmedAt ? ` · ${a.positioning.confirmedAt} ${formatDate(value.confirmedAt, locale)}` : "";
    line(doc, `${a.positioning.elements[element]}: ${value.score}/5${confirmed}${value.note ? ` — ${value.note}` : ""}`);
  }

  heading(doc, `${f.analysis}: ${a.score.title}`);
  for (const contribution of file.score.contributions) {
    line(doc, `${a.score.factors[contribution.factor]}: ${contribution.points} / ${contribution.maxPoints} — ${contribution.detail}`);
  }
  if (file.score.notCounted.length) {
    line(doc, interpolate(a.score.notCounted, { factors: file.score.notCounted.map((factor) => a.score.factors[factor]).join(", ") }), { muted: true });
  }

  heading(doc, `${f.analysis}: ${a.tabs.swot}`);
  for (const quadrant of SWOT_QUADRANTS) {
    doc.font("bold").fontSize(9.5).text(a.swot.quadrants[quadrant], MARGIN);
    if (!file.swot[quadrant].length) line(doc, f.none, { indent: 10, muted: true });
    for (const item of file.swot[quadrant]) line(doc, `• ${item.text}`, { indent: 10 });
  }
  if (file.swot.strategies.length) doc.font("bold").fontSize(9.5).text(a.swot.strategies, MARGIN);
  for (const strategy of file.swot.strategies) {
    line(doc, `${strategy.kind}: ${strategy.text} · ${name(strategy.ownerId)} · ${a.swot.statuses[strategy.status]}`, { indent: 10 });
  }

  heading(doc, `${f.analysis}: ${a.tabs.fishbone} — ${a.fishbone.openActions}`);
  if (file.fishbone.head) line(doc, file.fishbone.head);
  if (!file.openActions.length) line(doc, a.fishbone.noOpenActions, { muted: true });
  for (const action of file.openActions) {
    const due = action.dueDate ? ` · ${a.fishbone.dueDate} ${formatDate(action.dueDate, locale)}` : "";
    line(doc, `${action.categoryName}: ${action.text}${action.action ? ` → ${action.action}` : ""} · ${name(action.ownerId)}${due} · ${a.fishbone.statuses[action.status]}`);
  }

  heading(doc, `${f.analysis}: ${a.tabs.competitors}`);
  if (!file.competitors.competitors.length) none();
  for (const competitor of file.competitors.competitors) {
    doc.font("bold").fontSize(10).text(competitor.name, MARGIN);
    const parts: [string, string][] = [
      [a.competitors.strengths, competitor.strengths], [a.competitors.position, competitor.position], [a.competitors.response, competitor.response],
      [a.competitors.customerNeeds, competitor.triangle.customerNeeds], [a.competitors.ourOffer, competitor.triangle.ourOffer],
      [a.competitors.theirOffer, competitor.triangle.theirOffer],
    ];
    for (const [term, detail] of parts) if (detail) line(doc, `${term}: ${detail}`, { indent: 10 });
  }

  heading(doc, f.review);
  const review = file.review;
  if (!review) {
    none();
    return;
  }
  if (!review.isComplete) line(doc, a.review.incomplete, { muted: true });
  pair(doc, a.review.outcome, a.review.outcomes[review.outcome]);
  pair(doc, a.review.primaryReason, review.primaryLabel);
  if (review.secondaryLabels.length) pair(doc, a.review.secondaryReasons, review.secondaryLabels.join(", "));
  pair(doc, a.review.winnerCompetitor, review.winnerCompetitor ?? "—");
  pair(doc, a.review.lessons, review.lessons);
  pair(doc, a.review.toRepeat, review.toRepeat ?? "—");
}

function addPageNumbers(doc: Doc, m: Messages) {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const text = interpolate(m.analysis.file.page, { page: String(index + 1), pages: String(range.count) });
    // Drawn inside the bottom margin: lift the margin so pdfkit does not start a new page for it.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("regular").fontSize(8).fillColor(COLORS.muted).text(text, MARGIN, doc.page.height - MARGIN / 2 - 8, { width: doc.page.width - 2 * MARGIN, align: "right", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
