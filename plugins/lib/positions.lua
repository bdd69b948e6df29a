-- Lookups by character position, shared by the plugins that relate matches
-- to sentences and tokens. Both lists must be sorted by `start`.

local positions = {}

--- The index of the sentence holding character `position`, or nil when it
--- falls between sentences (white space, a skipped empty line).
function positions.sentence_at(sentences, position)
  local low, high = 1, #sentences
  while low <= high do
    local middle = (low + high) // 2
    local s = sentences[middle]
    if position < s.start then high = middle - 1
    elseif position >= s.start + s.length then low = middle + 1
    else return middle end
  end
  return nil
end

--- The index of the first token starting at or after `position`
--- (#tokens + 1 when there is none).
function positions.token_from(tokens, position)
  local low, high = 1, #tokens + 1
  while low < high do
    local middle = (low + high) // 2
    if tokens[middle].start < position then low = middle + 1 else high = middle end
  end
  return low
end

return positions
