"""Texts of the Tillgänglighet och SLA page: key -> (Swedish, English)."""

TEXT: dict[str, tuple[str, str]] = {
    # --- Heading and headline figures --------------------------------------------------------
    "sla_page.heading": ("Tillgänglighet och SLA {year} · {scope}",
                         "Availability and SLA {year} · {scope}"),
    "sla_page.no_data": ("Det finns inga tillgänglighetsuppgifter för {scope} {year}.",
                         "There are no availability figures for {scope} in {year}."),
    "sla_page.no_data.shared": ("Tillgängligheten mäts per medlemskommun, inte för förbundet "
                                "självt: välj en medlemskommun eller Alla kommuner.",
                                "Availability is measured per member municipality, not for the "
                                "association itself: choose a member municipality or All "
                                "municipalities."),
    "sla_page.metric.met": ("Tillgänglighetsmål uppfyllt", "Availability target met"),
    "sla_page.metric.met.help": ("Andel systemmånader då tillgängligheten nådde målet. En "
                                 "systemmånad är ett system i en medlemskommun en månad.",
                                 "Share of system-months in which availability reached the "
                                 "target. A system-month is one system in one member "
                                 "municipality in one month."),
    "sla_page.metric.breaches": ("SLA-brott", "SLA breaches"),
    "sla_page.metric.breaches.help": ("Systemmånader då tillgängligheten låg under målet.",
                                      "System-months in which availability was below the target."),
    "sla_page.metric.tickets": ("Ärenden inom åtgärdstid", "Tickets resolved within target"),
    "sla_page.metric.tickets.help": ("Andel av alla ärenden som åtgärdades inom avtalad "
                                     "åtgärdstid.",
                                     "Share of all tickets resolved within the agreed "
                                     "resolution time."),

    # --- Per system --------------------------------------------------------------------------
    "sla_page.systems.title": ("Tillgänglighet per system", "Availability per system"),
    "sla_page.systems.below": ("{below} av {systems} system nådde inte sitt tillgänglighetsmål "
                               "{year}. Sämst var {worst} med {availability} mot målet {target}.",
                               "{below} of {systems} systems did not meet their availability "
                               "target in {year}. The worst was {worst} at {availability} "
                               "against a target of {target}."),
    "sla_page.systems.all_met": ("Alla {systems} system nådde sitt tillgänglighetsmål {year}, "
                                 "vilket är bra.",
                                 "All {systems} systems met their availability target in {year}, "
                                 "which is good."),
    "sla_page.systems.watch.one": ("Ytterligare {watch} nådde målet över året men låg under det "
                                   "någon månad.",
                                   "A further {watch} met the target over the year but fell below "
                                   "it in some month."),
    "sla_page.systems.watch.other": ("Ytterligare {watch} nådde målet över året men låg under det "
                                     "någon månad.",
                                     "A further {watch} met the target over the year but fell "
                                     "below it in some month."),
    "sla_page.systems.watch_all_met.one": ("{watch} av dem låg ändå under målet någon månad.",
                                           "{watch} of them still fell below it in some month."),
    "sla_page.systems.watch_all_met.other": ("{watch} av dem låg ändå under målet någon månad.",
                                             "{watch} of them still fell below it in some month."),
    "sla_page.systems.previous.one": ("{previous_year}: {previous} system under målet.",
                                      "{previous_year}: {previous} system below its target."),
    "sla_page.systems.previous.other": ("{previous_year}: {previous} system under målet.",
                                        "{previous_year}: {previous} systems below their target."),
    "sla_page.systems.chart_note": ("Diagrammet visar de {count} system som ligger lägst i "
                                    "förhållande till sitt mål; strecket är målet. Axeln börjar "
                                    "vid {start}. Tabellen visar alla system. Tillgängligheten "
                                    "över året är medelvärdet av månadernas tillgänglighet.",
                                    "The chart shows the {count} systems lowest against their "
                                    "target; the tick is the target. The axis starts at {start}. "
                                    "The table lists every system. Availability over the year is "
                                    "the mean of the monthly availability."),
    "sla_page.systems.status.good": ("Bra: målet nått varje månad", "Good: target met every month"),
    "sla_page.systems.status.watch": ("Bevaka: någon månad under målet",
                                      "Watch: below target in some month"),
    "sla_page.systems.status.act": ("Åtgärda: under målet över året",
                                    "Act: below target over the year"),
    "sla_page.systems.target": ("Mål", "Target"),
    "sla_page.systems.months_below": ("{below} av {months}", "{below} of {months}"),
    "sla_page.col.status": ("Status", "Status"),
    "sla_page.col.system": ("System", "System"),
    "sla_page.col.tier": ("SLA-nivå", "SLA tier"),
    "sla_page.col.municipality": ("Kommun", "Municipality"),
    "sla_page.col.municipality.help": ("Kommunen som systemet hör till. Gemensamma system mäts för "
                                       "varje medlemskommun de används i.",
                                       "The municipality the system belongs to. Shared systems are "
                                       "measured for each member municipality that uses them."),
    "sla_page.col.availability": ("Tillgänglighet {year}", "Availability {year}"),
    "sla_page.col.target": ("Mål", "Target"),
    "sla_page.col.months_below": ("Månader under målet", "Months below target"),
    "sla_page.col.outage_hours": ("Avbrottstid (h)", "Outage time (h)"),
    "sla_page.col.tickets": ("Ärenden inom åtgärdstid", "Tickets within target"),
    "sla_page.tier.none": ("Utan SLA-nivå", "No SLA tier"),

    # --- Per month ---------------------------------------------------------------------------
    "sla_page.month.title": ("Måluppfyllelse per månad", "Target met per month"),
    "sla_page.no_previous": ("för {previous_year} finns inga uppgifter att jämföra med",
                             "there are no figures for {previous_year} to compare with"),
    "sla_page.month.worst": ("Sämst var {month}: {share}.", "The worst month was {month}: {share}."),
    "sla_page.month.note": ("Andel systemmånader per månad då tillgängligheten nådde målet. Axeln "
                            "börjar vid {start}.",
                            "Share of system-months per month in which availability reached the "
                            "target. The axis starts at {start}."),

    # --- SLA breaches per municipality and tier ----------------------------------------------
    "sla_page.municipality.title": ("SLA-brott per kommun", "SLA breaches by municipality"),
    "sla_page.breaches.some": ("{count} SLA-brott {year}, {change}.",
                               "{count} SLA breaches in {year}, {change}."),
    "sla_page.breaches.none": ("Inga SLA-brott {year}, vilket är bra.",
                               "No SLA breaches in {year}, which is good."),
    "sla_page.breaches.none.previous": ("Inga SLA-brott {year}, vilket är bra "
                                        "({previous_year}: {previous}).",
                                        "No SLA breaches in {year}, which is good "
                                        "({previous_year}: {previous})."),
    "sla_page.municipality.most": ("Flest hade {most}: {count} av {system_months} systemmånader "
                                   "({share}).",
                                   "{most} had the most: {count} of {system_months} system-months "
                                   "({share})."),
    "sla_page.breaches.note": ("Ett SLA-brott är en systemmånad då tillgängligheten låg under "
                               "målet.",
                               "An SLA breach is a system-month in which availability was below "
                               "the target."),
    "sla_page.tier.title": ("SLA-brott per SLA-nivå", "SLA breaches by SLA tier"),
    "sla_page.tier.most": ("Störst andel SLA-brott hade {tier}: {count} av {system_months} "
                           "systemmånader ({share}), {change}.",
                           "{tier} had the largest share of SLA breaches: {count} of "
                           "{system_months} system-months ({share}), {change}."),
    "sla_page.tier.no_breaches": ("Ingen SLA-nivå hade något SLA-brott {year}, vilket är bra.",
                                  "No SLA tier had a breach in {year}, which is good."),

    # --- Tickets within the resolution time --------------------------------------------------
    "sla_page.tickets.title": ("Ärenden inom åtgärdstid per SLA-nivå",
                               "Tickets resolved within target by SLA tier"),
    "sla_page.tickets.sentence": ("{share} av ärendena {year} åtgärdades inom avtalad åtgärdstid, "
                                  "{change}.",
                                  "{share} of the tickets in {year} were resolved within the "
                                  "agreed resolution time, {change}."),
    "sla_page.tickets.lowest": ("Lägst andel hade {tier}: {share}.",
                                "{tier} had the lowest share: {share}."),
    "sla_page.tickets.none": ("Inga ärenden är registrerade för {year}.",
                              "No tickets are recorded for {year}."),
    "sla_page.tickets.note": ("Åtgärdstiden beror på SLA-nivå och prioritet, till exempel 4 "
                              "timmar för brådskande ärenden på Guld-nivå.",
                              "The resolution time depends on SLA tier and priority, for example "
                              "4 hours for urgent tickets at Gold tier."),
    # The per-system table shortened to the systems furthest below their target.
    "sla_page.systems.chart_note_shortened": ("Diagrammet visar de {count} system som ligger lägst i "
                                              "förhållande till sitt mål; strecket är målet. Axeln "
                                              "börjar vid {start}. Tillgängligheten över året är "
                                              "medelvärdet av månadernas tillgänglighet.",
                                              "The chart shows the {count} systems lowest against "
                                              "their target; the tick is the target. The axis starts "
                                              "at {start}. Availability over the year is the mean of "
                                              "the monthly availability."),
    "sla_page.systems.shown": (
        "Tabellen visar {shown} av {count} system: de som ligger längst under sitt mål.",
        "The table shows {shown} of {count} systems: those furthest below their target."),
    "sla_page.systems.file": ("tillganglighet-per-system-{year}.csv", "availability-by-system-{year}.csv"),
    # Ticket counts that are not known: a monitoring export has availability but no counts.
    "sla_page.counts_unknown": ("uppgift saknas", "not known"),
    "sla_page.tickets.unknown": ("Antalet ärenden {year} är inte känt: tillgängligheten finns, "
                                 "men inga ärendeantal är inlästa och inga kan beräknas från "
                                 "incidentregistret.",
                                 "The number of tickets in {year} is not known: availability is "
                                 "there, but no ticket counts are imported and none can be "
                                 "computed from the incident register."),
    "sla_page.tickets.partial": ("Andelen gäller de {with_counts} av {system_months} "
                                 "systemmånader som har ärendeantal; för de övriga saknas uppgift.",
                                 "The share covers the {with_counts} of {system_months} "
                                 "system-months that have ticket counts; for the others they are "
                                 "not known."),
    "sla_page.tickets.computed.one": ("Ärendeantalen för {computed} systemmånad är beräknade från "
                                      "incidentregistret; inlästa antal går före beräknade.",
                                      "The ticket counts of {computed} system-month are computed "
                                      "from the incident register; imported counts come before "
                                      "computed ones."),
    "sla_page.tickets.computed.other": ("Ärendeantalen för {computed} systemmånader är beräknade "
                                        "från incidentregistret; inlästa antal går före beräknade.",
                                        "The ticket counts of {computed} system-months are computed "
                                        "from the incident register; imported counts come before "
                                        "computed ones."),
}
