return #corpus:filter{since="2025-01-01", where=function(d) return d:contains("中国") end}
