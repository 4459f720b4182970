"""Texts of the Risker page: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    "risk_page.heading": ("Risker {year}", "Risks {year}"),
    "risk_page.as_of": ("Riskregistret per {date}, jämfört med {previous_year}.",
                        "The risk register as of {date}, compared with {previous_year}."),
    "risk_page.scope": ("Riskerna gäller hela förbundet, inte en enskild kommun.",
                        "Risks concern the whole association, not a single municipality."),
    "risk_page.scope_municipality": ("Riskerna gäller hela förbundet: valet {municipality} i "
                                     "sidofältet påverkar inte den här sidan.",
                                     "Risks concern the whole association: the choice {municipality} "
                                     "in the sidebar does not apply to this page."),
    "risk_page.no_register": ("Riskregistret hade inga bedömda risker per {date}. "
                              "Välj ett annat år för att se registret.",
                              "The risk register held no assessed risks as of {date}. "
                              "Choose another year to see the register."),
    "risk_page.no_selection": ("Inga risker i registret matchar valen för område, system och "
                               "riskägare. Ta bort något val för att se fler.",
                               "No risks in the register match the chosen area, system and owner. "
                               "Remove a choice to see more."),

    # The page's own filters
    "risk_page.filter.area": ("Område", "Area"),
    "risk_page.filter.system": ("System", "System"),
    "risk_page.filter.owner": ("Riskägare", "Risk owner"),
    "risk_page.filter.all": ("Alla", "All"),

    # Headline figures
    "risk_page.metric.active": ("Aktiva risker", "Active risks"),
    "risk_page.metric.high": ("Höga risker", "High risks"),
    "risk_page.metric.extreme": ("Extremt höga risker", "Extremely high risks"),

    # Bands (MSB) and levels
    "risk_page.band.low": ("Låg", "Low"),
    "risk_page.band.medium": ("Medelhög", "Medium"),
    "risk_page.band.high": ("Hög", "High"),
    "risk_page.band.extreme": ("Extremt hög", "Extremely high"),
    "risk_page.level": ("{band} ({score})", "{band} ({score})"),

    # Heat maps
    "risk_page.maps.title": ("Riskkarta", "Risk map"),
    "risk_page.current.title": ("Nuvarande risk", "Current risk"),
    "risk_page.residual.title": ("Kvarstående risk efter åtgärder", "Residual risk after treatment"),
    "risk_page.axis.likelihood": ("Sannolikhet", "Likelihood"),
    "risk_page.axis.consequence": ("Konsekvens", "Consequence"),
    "risk_page.current.none": ("Det finns inga aktiva risker att placera i kartan.",
                               "There are no active risks to place on the map."),
    "risk_page.current.sentence.one": ("Kartan visar {active} aktiv risk efter sannolikhet och "
                                       "konsekvens. Extremt hög: {extreme}, hög: {high}, "
                                       "medelhög: {medium}, låg: {low}.",
                                       "The map shows {active} active risk by likelihood and "
                                       "consequence. Extremely high: {extreme}, high: {high}, "
                                       "medium: {medium}, low: {low}."),
    "risk_page.current.sentence.other": ("Kartan visar {active} aktiva risker efter sannolikhet och "
                                         "konsekvens. Extremt hög: {extreme}, hög: {high}, "
                                         "medelhög: {medium}, låg: {low}.",
                                         "The map shows {active} active risks by likelihood and "
                                         "consequence. Extremely high: {extreme}, high: {high}, "
                                         "medium: {medium}, low: {low}."),
    "risk_page.current.verdict.extreme": ("Extremt höga risker (övre högra hörnet) kräver åtgärd "
                                          "utan dröjsmål.",
                                          "Extremely high risks (top right corner) call for action "
                                          "without delay."),
    "risk_page.current.verdict.high": ("Ingen risk är extremt hög, men de höga behöver åtgärder med "
                                       "ansvarig och tidplan.",
                                       "No risk is extremely high, but the high ones need actions with "
                                       "an owner and a deadline."),
    "risk_page.current.verdict.calm": ("Ingen risk är hög eller extremt hög – ett bra läge.",
                                       "No risk is high or extremely high – a good position."),
    "risk_page.residual.none": ("Ingen aktiv risk har ännu en bedömd kvarstående risk.",
                                "No active risk has an assessed residual risk yet."),
    "risk_page.residual.sentence.fewer.one": ("När åtgärderna är genomförda väntas {after} hög eller "
                                              "extremt hög risk kvarstå, mot {now} i dag.",
                                              "Once the actions are carried out, {after} high or "
                                              "extremely high risk is expected to remain, against {now} "
                                              "today."),
    "risk_page.residual.sentence.fewer.other": ("När åtgärderna är genomförda väntas {after} höga eller "
                                                "extremt höga risker kvarstå, mot {now} i dag.",
                                                "Once the actions are carried out, {after} high or "
                                                "extremely high risks are expected to remain, against "
                                                "{now} today."),
    "risk_page.residual.sentence.same.one": ("Även när åtgärderna är genomförda väntas {after} hög eller "
                                             "extremt hög risk kvarstå, lika många som i dag.",
                                             "Even once the actions are carried out, {after} high or "
                                             "extremely high risk is expected to remain, as many as "
                                             "today."),
    "risk_page.residual.sentence.same.other": ("Även när åtgärderna är genomförda väntas {after} höga "
                                               "eller extremt höga risker kvarstå, lika många som i dag.",
                                               "Even once the actions are carried out, {after} high or "
                                               "extremely high risks are expected to remain, as many as "
                                               "today."),
    "risk_page.residual.sentence.none": ("Ingen risk är hög eller extremt hög, varken i dag eller "
                                         "efter åtgärderna.",
                                         "No risk is high or extremely high, neither today nor after "
                                         "the actions."),
    "risk_page.residual.missing.one": ("{count} aktiv risk saknar bedömd kvarstående risk och visas "
                                       "inte här.",
                                       "{count} active risk has no assessed residual risk and is not "
                                       "shown here."),
    "risk_page.residual.missing.other": ("{count} aktiva risker saknar bedömd kvarstående risk och "
                                         "visas inte här.",
                                         "{count} active risks have no assessed residual risk and are "
                                         "not shown here."),
    "risk_page.hover.cell": ("Sannolikhet: {likelihood} · Konsekvens: {consequence}<br>Nivå: {level}",
                             "Likelihood: {likelihood} · Consequence: {consequence}<br>Level: {level}"),
    "risk_page.hover.level": ("Nivå: {level} · kvarstående: {residual}",
                              "Level: {level} · residual: {residual}"),
    "risk_page.hover.owner": ("Riskägare: {owner}", "Risk owner: {owner}"),
    "risk_page.hover.no_action_owner": ("ingen åtgärdsansvarig", "no action owner"),
    "risk_page.hover.action": ("Åtgärd: {action} ({action_owner}, klart senast {due}, {status})",
                               "Action: {action} ({action_owner}, due {due}, {status})"),

    # Tables
    "risk_page.column.risk": ("Risk", "Risk"),
    "risk_page.column.level": ("Nivå", "Level"),
    "risk_page.column.residual": ("Kvarstående", "Residual"),
    "risk_page.column.owner": ("Riskägare", "Risk owner"),
    "risk_page.column.system": ("System", "System"),
    "risk_page.column.treatment": ("Behandling", "Treatment"),
    "risk_page.column.action": ("Åtgärd", "Action"),
    "risk_page.column.action_owner": ("Åtgärdsansvarig", "Action owner"),
    "risk_page.column.due_date": ("Klart senast", "Due"),
    "risk_page.column.action_status": ("Åtgärdsstatus", "Action status"),
    "risk_page.column.since_year": ("Mot {previous_year}", "Vs {previous_year}"),
    "risk_page.column.since_previous": ("Mot förra bedömningen", "Vs previous assessment"),
    "risk_page.column.previous_assessed_on": ("Förra bedömningen", "Previous assessment"),
    "risk_page.column.assessed_on": ("Senast bedömd", "Last assessed"),
    "risk_page.column.days_late": ("Dagar sen", "Days late"),
    # A date past its time, in words beside the cell's colour.
    "risk_page.date.overdue": ("{date} (försenad)", "{date} (overdue)"),
    "risk_page.date.passed": ("{date} (passerad)", "{date} (passed)"),
    "risk_page.missing_owner": ("saknas", "missing"),
    "risk_page.table_cut": ("Tabellen visar de {shown} första av {count}; välj område, system eller "
                            "riskägare ovan för att se färre.",
                            "The table shows the first {shown} of {count}; choose an area, system or "
                            "owner above to see fewer."),

    # Top risks
    "risk_page.top.title": ("De högsta riskerna och vem som äger dem",
                            "The highest risks and who owns them"),
    "risk_page.top.sentence.one": ("Den högsta aktiva risken, efter nivå och sedan sannolikhet.",
                                   "The highest active risk, by level and then likelihood."),
    "risk_page.top.sentence.other": ("De {count} högsta aktiva riskerna, ordnade efter nivå och sedan "
                                     "sannolikhet.",
                                     "The {count} highest active risks, ordered by level and then "
                                     "likelihood."),
    "risk_page.top.follow_up.one": ("{count} av dem saknar åtgärdsansvarig eller har en försenad "
                                    "åtgärd (markerad).",
                                    "{count} of them lacks an action owner or has a late action "
                                    "(marked)."),
    "risk_page.top.follow_up.other": ("{count} av dem saknar åtgärdsansvarig eller har en försenad "
                                      "åtgärd (markerade).",
                                      "{count} of them lack an action owner or have a late action "
                                      "(marked)."),
    "risk_page.top.all_followed": ("Alla har en åtgärdsansvarig och ingen åtgärd är försenad – bra.",
                                   "All have an action owner and no action is late – good."),

    # Movement
    "risk_page.movement.title": ("Förändring sedan förra året", "Movement since last year"),
    "risk_page.move.new": ("ny", "new"),
    "risk_page.move.same": ("oförändrad", "unchanged"),
    "risk_page.move.up": ("↑ höjd {before} → {now}", "↑ raised {before} → {now}"),
    "risk_page.move.down": ("↓ sänkt {before} → {now}", "↓ lowered {before} → {now}"),
    "risk_page.move.band": ("({before} → {now})", "({before} → {now})"),
    "risk_page.movement.sentence": ("Risknivåerna jämfört med {previous_year}: {parts}.",
                                    "Risk levels compared with {previous_year}: {parts}."),
    "risk_page.movement.down.one": ("{count} sänkt", "{count} lowered"),
    "risk_page.movement.down.other": ("{count} sänkta", "{count} lowered"),
    "risk_page.movement.up.one": ("{count} höjd", "{count} raised"),
    "risk_page.movement.up.other": ("{count} höjda", "{count} raised"),
    "risk_page.movement.new.one": ("{count} ny", "{count} new"),
    "risk_page.movement.new.other": ("{count} nya", "{count} new"),
    "risk_page.movement.same.one": ("{count} oförändrad", "{count} unchanged"),
    "risk_page.movement.same.other": ("{count} oförändrade", "{count} unchanged"),
    "risk_page.movement.closed.one": ("{count} stängd", "{count} closed"),
    "risk_page.movement.closed.other": ("{count} stängda", "{count} closed"),
    "risk_page.movement.none": ("Det finns inga aktiva risker att jämföra.",
                                "There are no active risks to compare."),
    "risk_page.movement.verdict.better": ("Fler risker har sänkts än höjts – läget har förbättrats.",
                                          "More risks were lowered than raised – the position has "
                                          "improved."),
    "risk_page.movement.verdict.worse": ("Fler risker har höjts än sänkts – läget har försämrats.",
                                         "More risks were raised than lowered – the position has "
                                         "worsened."),
    "risk_page.movement.verdict.even": ("Lika många risker har höjts som sänkts.",
                                        "As many risks were raised as lowered."),
    "risk_page.movement.verdict.still": ("Ingen risk har höjts eller sänkts.",
                                         "No risk was raised or lowered."),

    # To follow up
    "risk_page.follow_up.title": ("Att följa upp", "To follow up"),
    "risk_page.compared": ("({previous_year}: {previous})", "({previous_year}: {previous})"),
    "risk_page.without_owner.title": ("Höga risker utan åtgärdsansvarig",
                                      "High risks without an action owner"),
    "risk_page.without_owner.sentence.one": ("{count} hög eller extremt hög risk saknar någon som "
                                             "ansvarar för åtgärden.",
                                             "{count} high or extremely high risk has nobody "
                                             "responsible for its action."),
    "risk_page.without_owner.sentence.other": ("{count} höga eller extremt höga risker saknar någon "
                                               "som ansvarar för åtgärden.",
                                               "{count} high or extremely high risks have nobody "
                                               "responsible for their action."),
    "risk_page.without_owner.none": ("Alla höga och extremt höga risker har en åtgärdsansvarig – bra.",
                                     "Every high and extremely high risk has an action owner – good."),
    "risk_page.overdue.title": ("Försenade åtgärder", "Overdue actions"),
    "risk_page.overdue.sentence.one": ("{count} åtgärd hade passerat sitt slutdatum per {date} utan att "
                                       "vara klar {comparison}.",
                                       "{count} action was past its due date as of {date} without "
                                       "being done {comparison}."),
    "risk_page.overdue.sentence.other": ("{count} åtgärder hade passerat sitt slutdatum per {date} utan "
                                         "att vara klara {comparison}.",
                                         "{count} actions were past their due date as of {date} "
                                         "without being done {comparison}."),
    "risk_page.overdue.none": ("Ingen åtgärd hade passerat sitt slutdatum per {date} {comparison} – "
                               "bra.",
                               "No action was past its due date as of {date} {comparison} – good."),
    "risk_page.review.title": ("Risker att bedöma om", "Risks due for re-assessment"),
    "risk_page.review.overdue.one": ("{count} aktiv risk har passerat sitt datum för ny bedömning",
                                     "{count} active risk is past its date for re-assessment"),
    "risk_page.review.overdue.other": ("{count} aktiva risker har passerat sitt datum för ny bedömning",
                                       "{count} active risks are past their date for re-assessment"),
    "risk_page.review.due.one": ("{count} ska bedömas om inom {days} dagar",
                                 "{count} is due within {days} days"),
    "risk_page.review.due.other": ("{count} ska bedömas om inom {days} dagar",
                                   "{count} are due within {days} days"),
    "risk_page.review.sentence": ("{parts} {comparison}.", "{parts} {comparison}."),
    "risk_page.review.none": ("Ingen aktiv risk har passerat sitt datum för ny bedömning eller ska "
                              "bedömas om inom {days} dagar {comparison} – bra.",
                              "No active risk is past its date for re-assessment or due within {days} "
                              "days {comparison} – good."),
    "risk_page.review.rule": ("Risker på nivå Hög och Extremt hög bedöms om var {high_months}:e månad, "
                              "övriga var {months}:e månad, räknat från den senaste bedömningen.",
                              "Risks at High and Extremely high are re-assessed every {high_months} "
                              "months, the others every {months} months, counted from the latest "
                              "assessment."),
    "risk_page.review.state.overdue": ("Försenad", "Overdue"),
    "risk_page.review.state.due": ("Inom {days} dagar", "Within {days} days"),
    "risk_page.flagged.title": ("Risker som berörs av nya incidenter", "Risks affected by new incidents"),
    "risk_page.flagged.sentence.one": ("{count} aktiv risk berörs av allvarliga incidenter efter sin "
                                       "senaste bedömning och bör bedömas om.",
                                       "{count} active risk is affected by serious incidents since its "
                                       "latest assessment and should be re-assessed."),
    "risk_page.flagged.sentence.other": ("{count} aktiva risker berörs av allvarliga incidenter efter "
                                         "sin senaste bedömning och bör bedömas om.",
                                         "{count} active risks are affected by serious incidents since "
                                         "their latest assessment and should be re-assessed."),
    "risk_page.flagged.none": ("Ingen allvarlig incident efter riskernas senaste bedömning berör någon "
                               "aktiv risk.",
                               "No serious incident after the risks' latest assessment concerns an "
                               "active risk."),
    "risk_page.flagged.rule": ("En incident med allvarlighetsgrad Hög eller Kritisk berör en risk när "
                               "den gäller riskens system eller, om incidenten eller risken inte är "
                               "knuten till ett system, när dess kategori hör till riskens hot.",
                               "An incident of severity High or Critical affects a risk when it concerns "
                               "the risk's system or, when the incident or the risk is tied to no "
                               "system, when its category belongs to the risk's threat."),
    "risk_page.accepted.title": ("Accepterade risker", "Accepted risks"),
    "risk_page.accepted.sentence.one": ("{count} risk på nivå Hög eller högre är accepterad av ett "
                                        "namngivet beslut med motivering och slutdatum.",
                                        "{count} risk at High or above is accepted by a named decision "
                                        "with a reason and an end date."),
    "risk_page.accepted.sentence.other": ("{count} risker på nivå Hög eller högre är accepterade av "
                                          "namngivna beslut med motivering och slutdatum.",
                                          "{count} risks at High or above are accepted by named "
                                          "decisions with a reason and an end date."),
    "risk_page.accepted.expired.one": ("{count} acceptans har löpt ut och behöver ett nytt beslut.",
                                       "{count} acceptance has run out and needs a new decision."),
    "risk_page.accepted.expired.other": ("{count} acceptanser har löpt ut och behöver nya beslut.",
                                         "{count} acceptances have run out and need new decisions."),
    "risk_page.accepted.none": ("Ingen risk på nivå Hög eller högre är accepterad.",
                                "No risk at High or above is accepted."),
    "risk_page.accepted.valid": ("Gäller", "In force"),
    "risk_page.accepted.expired": ("Har löpt ut", "Has run out"),
    "risk_page.analyses.title": ("Riskanalyser", "Risk analyses"),
    "risk_page.analyses.sentence.one": ("{count} riskanalys är gjord till och med {date}; den senaste, "
                                        "{latest}, bedömde {assessed} risker.",
                                        "{count} risk analysis was made up to {date}; the latest, "
                                        "{latest}, assessed {assessed} risks."),
    "risk_page.analyses.sentence.other": ("{count} riskanalyser är gjorda till och med {date}; den "
                                          "senaste, {latest}, bedömde {assessed} risker.",
                                          "{count} risk analyses were made up to {date}; the latest, "
                                          "{latest}, assessed {assessed} risks."),
    "risk_page.analyses.in_progress": ("{analysis} pågår.", "{analysis} is in progress."),
    "risk_page.analyses.none": ("Ingen riskanalys är registrerad till och med {date}.",
                                "No risk analysis is recorded up to {date}."),
    "risk_page.analyses.ongoing": ("pågår", "in progress"),
    "risk_page.analysis": ("{analysis_id} ({date})", "{analysis_id} ({date})"),
    "risk_page.moves": ("Pilarna visar hur risker har flyttat sedan riskanalysen {analysis} ({date}).",
                        "The arrows show how risks have moved since the risk analysis {analysis} "
                        "({date})."),
    "risk_page.moves.none": ("Ingen risk har flyttat sedan riskanalysen {analysis} ({date}).",
                             "No risk has moved since the risk analysis {analysis} ({date})."),
    "risk_page.moves.legend": ("Sedan {analysis}", "Since {analysis}"),
    "risk_page.moves.hover": ("{risks}: {before} → {now} sedan {analysis}",
                              "{risks}: {before} → {now} since {analysis}"),
    "risk_page.column.next_review": ("Nästa bedömning", "Next assessment"),
    "risk_page.column.review_state": ("Läge", "State"),
    "risk_page.column.last_analysis": ("Senaste riskanalys", "Latest risk analysis"),
    "risk_page.column.threat": ("Hot", "Threat"),
    "risk_page.column.incidents": ("Incidenter", "Incidents"),
    "risk_page.column.newest_incident": ("Senaste incident", "Latest incident"),
    "risk_page.column.accepted_by": ("Beslut", "Decision"),
    "risk_page.column.acceptance_reason": ("Motivering", "Reason"),
    "risk_page.column.accepted_until": ("Gäller till", "Until"),
    "risk_page.column.acceptance_state": ("Acceptans", "Acceptance"),
    "risk_page.column.analysis": ("Riskanalys", "Risk analysis"),
    "risk_page.column.scope": ("Omfattning", "Scope"),
    "risk_page.column.started_on": ("Påbörjad", "Started"),
    "risk_page.column.finished_on": ("Avslutad", "Finished"),
    "risk_page.column.participants": ("Deltagare", "Participants"),
    "risk_page.column.risks_assessed": ("Bedömda risker", "Risks assessed"),

    # IT infrastructure (the audit's point)
    "risk_page.infrastructure.title": ("IT-infrastruktur", "IT infrastructure"),
    "risk_page.infrastructure.audit": ("Revisionen 2023 fann att förbundet saknade en löpande "
                                       "uppdaterad riskanalys för it-infrastrukturen.",
                                       "The 2023 audit found that the association lacked a "
                                       "continuously updated risk analysis for its IT "
                                       "infrastructure."),
    "risk_page.infrastructure.left_out": ("Området it-infrastruktur ingår inte i valen ovan.",
                                          "The area IT infrastructure is not among the choices "
                                          "above."),
    "risk_page.infrastructure.none": ("Ingen aktiv risk gäller it-infrastrukturen per {date} "
                                      "({previous_year}: {previous}).",
                                      "No active risk concerns the IT infrastructure as of {date} "
                                      "({previous_year}: {previous})."),
    "risk_page.infrastructure.sentence.one": ("{count} aktiv risk gäller it-infrastrukturen "
                                              "({previous_year}: {previous}); den bedömdes senast "
                                              "{latest}.",
                                              "{count} active risk concerns the IT infrastructure "
                                              "({previous_year}: {previous}); it was last assessed on "
                                              "{latest}."),
    "risk_page.infrastructure.sentence.other": ("{count} aktiva risker gäller it-infrastrukturen "
                                                "({previous_year}: {previous}); den senaste bedömningen "
                                                "gjordes {latest}.",
                                                "{count} active risks concern the IT infrastructure "
                                                "({previous_year}: {previous}); the latest assessment "
                                                "was on {latest}."),
    "risk_page.infrastructure.high.one": ("{count} av dem är hög eller extremt hög.",
                                          "{count} of them is high or extremely high."),
    "risk_page.infrastructure.high.other": ("{count} av dem är höga eller extremt höga.",
                                            "{count} of them are high or extremely high."),
    "risk_page.infrastructure.no_high": ("Ingen av dem är hög eller extremt hög.",
                                         "None of them is high or extremely high."),
    "risk_page.infrastructure.stale.one": ("{count} av dem har passerat sitt datum för ny bedömning.",
                                           "{count} of them is past its date for re-assessment."),
    "risk_page.infrastructure.stale.other": ("{count} av dem har passerat sitt datum för ny bedömning.",
                                             "{count} of them are past their date for re-assessment."),
    "risk_page.infrastructure.current": ("Alla är bedömda i tid enligt metodens intervall, så som "
                                         "revisionen efterfrågade en löpande uppdaterad riskanalys.",
                                         "All are assessed in time by the method's cadence, as the "
                                         "audit asked for a continuously updated risk analysis."),
}
