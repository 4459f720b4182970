"""The board areas: one page model per area (query results -> figures, sentences, tables),
the overview and its findings, and what a model hands its page (sections)."""
