-- The bundled actor and stance rules read IPADIC's parts of speech and base
-- forms (固有名詞,地域; 記号; 助動詞 ない). Under another dictionary (UniDic
-- says 地名, 補助記号, 無い) they would silently mean something else, so they
-- stop with an error that says how to pick IPADIC instead.
local ipadic = {}

local checked = false

--- Raises an error naming `who` unless this run's MeCab dictionary is IPADIC.
function ipadic.require(who)
  if checked then return end
  local dictionary = kiji.mecab_dictionary()
  if dictionary.format ~= "ipadic" then
    error(who .. " reads IPADIC parts of speech, but this run uses " .. dictionary.description
          .. "; pass --mecab-dict with an IPADIC folder (Debian: /var/lib/mecab/dic/ipadic-utf8)", 0)
  end
  checked = true
end

return ipadic
