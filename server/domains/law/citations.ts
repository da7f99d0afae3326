// What kinds of records cite the library, as people call them.
export const CITATION_SUBJECTS: Record<string, string> = {
  violation_item: '违法行为（裁量基准）', checklist_item: '执法检查表检查项', check_template_item: '企业自查表检查项', hazard_category: '隐患类别', rule: '业务规则参数',
};
