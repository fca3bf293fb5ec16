"""Pure logic: no I/O, no terminal. Models, conditions, scoring, planning, ROI, dates."""
