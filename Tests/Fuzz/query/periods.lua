return table.concat(kiji.periods("2024-12-30", "2025-01-06", "week"), ";") .. kiji.period("2025-03-31", "fiscal_year")
