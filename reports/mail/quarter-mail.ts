// What the quarterly email says: the card's own view-model (core/quarterly-view.ts), so
// the email and the attached card never disagree, plus the list of attachments. Pure.
import type { QuarterlyView } from '../../core/index.js';

export interface AttachmentNote {
  filename: string;
  /** What the attachment is, in a few words, for the body's list of attachments. */
  description: string;
}

export interface QuarterMailModel {
  unit: string;
  /** 机关党员“十二分制”, with the unit's 卡片抬头. */
  scheme: string;
  quarterLabel: string;
  period: string;
  issueDate: string;
  empty: boolean;
  totals: {
    members: number;
    demerits: number;
    rewards: number;
    cancelled: number;
    levels: string;
  };
  /** The upward card's reconciliation lines (domain.md), the same figures as the card. */
  reconciliation: QuarterlyView['reconciliation'];
  attachments: (AttachmentNote & { index: number })[];
  /** The digest over the 校验码 sheet (core/seal.ts), stated in the text so the mail holds it too. */
  sealDigest?: string;
}

export function quarterMailModel(
  view: QuarterlyView,
  attachments: AttachmentNote[],
): QuarterMailModel {
  return {
    unit: view.unit,
    scheme: view.scheme,
    quarterLabel: view.quarter,
    period: view.period,
    issueDate: view.issueDate,
    empty: view.empty,
    totals: view.totals,
    reconciliation: view.reconciliation,
    attachments: attachments.map((a, i) => ({ ...a, index: i + 1 })),
  };
}
