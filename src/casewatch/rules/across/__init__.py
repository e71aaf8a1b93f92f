"""casewatch's own cross-return rules (codes CW-X...): what one return says that another contradicts or lacks.
No DfE validator has them: each validates one return at a time. Each runs only when both returns are loaded."""
