-- The default threat catalogue: the threats a risk analysis of the IT infrastructure walks
-- for each component, as the method ships them. They are a starting point, not data about
-- the association: editors change, add or deactivate threats afterwards (import or edit).
-- incident_categories lists (';'-separated) the incident categories whose incidents point to
-- the threat; a new serious incident in one of them flags the threat's risks for re-assessment.
INSERT OR IGNORE INTO threats (threat_id, name, description, incident_categories, active) VALUES
    ('HOT-01', 'Utpressningsvirus och annan skadlig kod',
     'Skadlig kod som krypterar, förstör eller för ut data, ofta efter nätfiske eller via en sårbar tjänst; säkerhetskopior som nås från nätet kan drabbas samtidigt.',
     'Skadlig kod;Intrång', true),
    ('HOT-02', 'Nätfiske och kapade konton',
     'Bedrägliga mejl, sms eller samtal lurar medarbetare att lämna ut inloggningsuppgifter eller betala till fel konto; en angripare loggar sedan in som medarbetaren.',
     'Informationsinsamling;Intrångsförsök;Intrång;Bedrägeri', true),
    ('HOT-03', 'Avbrott hos leverantör',
     'En leverantör av molntjänst, drift, kommunikation eller support har ett längre avbrott, går i konkurs eller upphör med tjänsten.',
     'Tillgänglighet', true),
    ('HOT-04', 'Ström- eller nätverksavbrott',
     'Strömmen, fiberförbindelser eller det egna nätet slutar fungera, till exempel vid grävskador, hårdvarufel eller väder.',
     'Tillgänglighet', true),
    ('HOT-05', 'Felkonfiguration och misslyckad ändring',
     'En ändring, uppdatering eller inställning görs fel, så att system slutar fungera eller skydd slutar verka utan att någon märker det.',
     'Tillgänglighet;Informationssäkerhet', true),
    ('HOT-06', 'Misstag av egen personal',
     'Uppgifter skickas till fel mottagare, raderas, ändras eller publiceras av misstag.',
     'Informationssäkerhet', true),
    ('HOT-07', 'Fysisk skada (brand, vatten)',
     'Brand, vattenläckage, översvämning eller värme förstör utrustning i serverhall, teknikrum eller nätverksskåp.',
     NULL, true),
    ('HOT-08', 'Förlust av nyckelpersoner',
     'Personer som ensamma kan en del av driften slutar, blir långvarigt sjuka eller är otillgängliga när de behövs.',
     NULL, true),
    ('HOT-09', 'Oåtgärdade sårbarheter',
     'Kända sårbarheter i servrar, nätverksutrustning, datorer eller program utnyttjas för att de inte har åtgärdats i tid.',
     'Sårbarhet;Intrångsförsök;Intrång', true),
    ('HOT-10', 'Överbelastningsattack',
     'En angripare överbelastar webbplatser, e-tjänster eller förbindelser så att invånare och medarbetare inte når dem.',
     'Tillgänglighet', true),
    ('HOT-11', 'Obehörig åtkomst till information eller lokaler',
     'Behörigheter följs inte upp, eller obehöriga kommer åt lokaler, nätverksskåp eller system och läser, ändrar eller kopplar in något.',
     'Intrång;Informationssäkerhet', true);
