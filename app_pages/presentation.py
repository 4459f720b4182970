"""Presentation: the report's slides one at a time, full screen, for the board's meetings:
the same slides as the PowerPoint file, for the selected year and municipality."""

from lagesbild import report, ui
from lagesbild.access import Role
from lagesbild.ui import presentation

ui.require_role(Role.READER)

filters = ui.selected_filters()
presentation.full_screen()
# As the board gets it: a frozen year shows its stored figures, as in the files.
paper = report.yearly_report(ui.fetch, filters.year, filters.municipality, filters.lang,
                             public=presentation.public_variant())
presentation.show(paper, ui.page_file("oversikt"))
