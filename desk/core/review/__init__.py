"""Review (复盘): how the shop's service did over a period, as figures, breakdowns and a workbook."""
