/**
 * The quarterly financing-monitoring survey's standard questions: did the enterprise
 * borrow, what stood in its way, how satisfied it is with its main bank (q3, which counts
 * toward that bank's satisfaction), anything else. The builder starts from them and the
 * demo's questionnaires ask them. Question texts are the questionnaire's content, written
 * in Chinese like the survey itself, not interface text.
 */
export const STANDARD_QUESTIONS = [
  {
    id: "q1",
    kind: "single",
    text: "本季度是否向银行申请贷款",
    required: true,
    options: ["是", "否"],
    satisfaction: false,
    maxLength: 500,
  },
  {
    id: "q2",
    kind: "multi",
    text: "融资中遇到的主要困难",
    required: false,
    options: ["利率偏高", "担保抵押不足", "审批时间长", "额度不足", "其他"],
    satisfaction: false,
    maxLength: 500,
  },
  { id: "q3", kind: "scale", text: "对主联系银行融资服务的满意度", required: true, options: [], satisfaction: true, maxLength: 500 },
  { id: "q4", kind: "text", text: "意见和建议", required: false, options: [], satisfaction: false, maxLength: 500 },
] as const;
