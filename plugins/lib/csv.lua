-- csv: RFC 4180 text for files a plugin writes with kiji.output_file.

local M = {}

--- One cell: quoted when it holds a comma, a quote, CR or LF.
function M.cell(value)
  if value == nil then return "" end
  local text = tostring(value)
  if math.type(value) == "float" then
    text = value == math.floor(value) and math.abs(value) < 1e15 and string.format("%d", value) or string.format("%.17g", value)
  end
  if text:find('[,"\r\n]') then return '"' .. text:gsub('"', '""') .. '"' end
  return text
end

--- One line (with its LF) from a list of values; `n` is the number of cells
--- (values may be nil).
function M.line(values, n)
  local cells = {}
  for i = 1, n or #values do cells[i] = M.cell(values[i]) end
  return table.concat(cells, ",") .. "\n"
end

return M
