-- The 16 cells of the 4×4 risk matrix (likelihood × consequence) with their level and band,
-- for the heat maps. The band comes from the schema's risk_band macro, so the tint of a cell
-- and the band a risk is counted in can never disagree. No parameters.
SELECT
    likelihood::INTEGER                          AS likelihood,
    consequence::INTEGER                         AS consequence,
    (likelihood * consequence)::INTEGER          AS score,
    risk_band(likelihood * consequence)          AS band
FROM range(1, 5) AS l(likelihood)
CROSS JOIN range(1, 5) AS c(consequence)
ORDER BY likelihood, consequence;
