"""Answer scales shared by the checklists."""

DONE_SCALE = ((0, "未做到", "not in place"), (1, "部分做到", "partly in place"),
              (2, "完全做到", "fully in place"))
MATURITY_SCALE = ((1, "初始级: 靠个人, 无章可循", "1 initial: depends on individuals"),
                  (2, "可重复级: 有做法, 能重复", "2 repeatable: practised and repeated"),
                  (3, "已定义级: 成文标准, 全员一致", "3 defined: written standard, applied by all"),
                  (4, "管理级: 用数据度量和预测", "4 managed: measured and predicted with data"),
                  (5, "优化级: 持续改进成为机制", "5 optimising: continuous improvement built in"))
