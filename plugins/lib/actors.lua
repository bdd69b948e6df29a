-- Actor recognition with a dictionary of names and aliases.
--
--   local actors = require("actors")
--   local dict = actors.load(params.dictionary)   -- nil: the bundled dictionary
--   local found = dict:find(doc)
--   found.mentions   { {actor=, type=, start=, length=, surface=}, … }  single-actor mentions
--   found.compounds  { {actors={a, b, …}, start=, length=, surface=}, … } 日米, 米中, 日英伊 …
--
-- The rules are described in plugins/dictionaries/actors.lua and
-- docs/actors.md. Positions are characters in doc.text, 1-based.

local ipadic = require("ipadic")

local actors = {}

local Dictionary = {}
Dictionary.__index = Dictionary

local function is_katakana(character)
  if character == "" then return false end
  local code = utf8.codepoint(character)
  return code >= 0x30A1 and code <= 0x30FA
end

-- Katakana letters and the long-vowel mark: the characters of one katakana word.
local function is_katakana_word_character(character)
  return is_katakana(character) or character == "ー"
end

-- A katakana name inside a longer katakana word is a different word:
-- トランプ in ペンダントランプ, ラトニック in プラトニック.
local function inside_katakana_word(match)
  local first = match.text:match("^[%z\1-\127\194-\244][\128-\191]*")
  local last = match.text:match("[%z\1-\127\194-\244][\128-\191]*$")
  return (is_katakana_word_character(first) and is_katakana_word_character(match.before))
      or (is_katakana_word_character(last) and is_katakana_word_character(match.after))
end

local function is_digit(character)
  return character:match("^%d$") ~= nil
end

local function is_kanji(character)
  if character == "" then return false end
  local code = utf8.codepoint(character)
  return (code >= 0x4E00 and code <= 0x9FFF) or (code >= 0x3400 and code <= 0x4DBF)
end

local function check_list(list, where)
  if list == nil then return {} end
  if type(list) ~= "table" then error(where .. " must be a list of strings", 0) end
  for i, value in ipairs(list) do
    if type(value) ~= "string" or value == "" then
      error(where .. "[" .. i .. "] must be a non-empty string", 0)
    end
  end
  return list
end

--- Builds a dictionary from its data table (the format of
--- plugins/dictionaries/actors.lua). `source` names it in error messages.
function actors.new(data, source)
  source = source or "dictionary"
  if type(data) ~= "table" or type(data.actors) ~= "table" then
    error(source .. ": a dictionary is a table with an 'actors' list", 0)
  end
  local self = setmetatable({ patterns = {}, kinds = {}, entries = {}, by_name = {} }, Dictionary)
  local owner = {}  -- normalised pattern -> description, to report clashes

  local function add(text, kind, entry, where)
    local pattern = kiji.text.normalize(text)
    local description = kind .. (entry and (" of " .. entry.name) or "")
    if owner[pattern] then
      if owner[pattern] == description then return end
      error(source .. ": '" .. text .. "' (" .. where .. ") is already the " .. owner[pattern], 0)
    end
    owner[pattern] = description
    self.patterns[#self.patterns + 1] = pattern
    self.kinds[#self.patterns] = { kind = kind, entry = entry }
  end

  local abbreviations = {}
  for i, item in ipairs(data.actors) do
    local where = "actors[" .. i .. "]"
    if type(item) ~= "table" or type(item.name) ~= "string" or item.name == "" then
      error(source .. ": " .. where .. " needs a 'name' string", 0)
    end
    if item.type ~= "person" and item.type ~= "country" and item.type ~= "organisation" then
      error(source .. ": " .. where .. " (" .. item.name .. ") needs type person, country or organisation", 0)
    end
    if self.by_name[item.name] then error(source .. ": actor '" .. item.name .. "' is listed twice", 0) end
    local entry = { name = item.name, type = item.type, aliases = {} }
    self.by_name[item.name] = entry
    self.entries[#self.entries + 1] = entry
    add(item.name, "alias", entry, where .. ".name")
    entry.aliases[#entry.aliases + 1] = item.name
    for j, alias in ipairs(check_list(item.aliases, source .. ": " .. where .. ".aliases")) do
      add(alias, "alias", entry, where .. ".aliases[" .. j .. "]")
      entry.aliases[#entry.aliases + 1] = alias
    end
    for j, surname in ipairs(check_list(item.surnames, source .. ": " .. where .. ".surnames")) do
      add(surname, "surname", entry, where .. ".surnames[" .. j .. "]")
    end
    if item.abbreviation ~= nil then
      if type(item.abbreviation) ~= "string" or kiji.text.len(item.abbreviation) ~= 1 then
        error(source .. ": " .. where .. ".abbreviation must be one character", 0)
      end
      add(item.abbreviation, "abbreviation", entry, where .. ".abbreviation")
      abbreviations[#abbreviations + 1] = item.abbreviation
    end
  end
  self.weak = {}
  for _, word in ipairs(check_list(data.weak_compounds, source .. ": weak_compounds")) do
    self.weak[kiji.text.normalize(word)] = true
  end
  for j, word in ipairs(check_list(data.ignore, source .. ": ignore")) do add(word, "ignore", nil, "ignore[" .. j .. "]") end
  for j, title in ipairs(check_list(data.titles, source .. ": titles")) do add(title, "title", nil, "titles[" .. j .. "]") end
  for _, prefix in ipairs(check_list(data.prefixes, source .. ": prefixes")) do
    for _, abbreviation in ipairs(abbreviations) do add(prefix .. abbreviation, "prefixed", nil, "prefixes") end
  end
  self.matcher = kiji.matcher(self.patterns)
  return self
end

--- Loads a dictionary file (nil: the bundled plugins/dictionaries/actors.lua).
function actors.load(path)
  if path == nil or path == "" then
    return actors.new(require("dictionaries.actors"), "plugins/dictionaries/actors.lua")
  end
  return actors.new(kiji.load_data(path), path)
end

--- The actor entry {name, type, aliases} for a canonical name or any of
--- its aliases (nil when unknown).
function Dictionary:actor(name)
  if self.by_name[name] then return self.by_name[name] end
  local normalized = kiji.text.normalize(name)
  for index, pattern in ipairs(self.patterns) do
    local kind = self.kinds[index]
    if pattern == normalized and kind.entry and kind.kind == "alias" then return kind.entry end
  end
  return nil
end

--- Mentions and compounds in a document (or a string).
function Dictionary:find(doc)
  local matches = self.matcher:find(doc)
  local kinds = self.kinds
  local mentions, compounds, spans = {}, {}, {}
  local i = 1
  local function kind_of(match) return match and kinds[match.pattern].kind end
  local function adjacent(a, b) return b ~= nil and b.start == a.start + a.length end

  while i <= #matches do
    local match = matches[i]
    local kind = kinds[match.pattern]
    if kind.kind == "alias" then
      if not inside_katakana_word(match) then
        mentions[#mentions + 1] = { actor = kind.entry.name, type = kind.entry.type,
                                    start = match.start, length = match.length, surface = match.text }
      end
      i = i + 1
    elseif kind.kind == "surname" then
      local title = matches[i + 1]
      if adjacent(match, title) and kind_of(title) == "title" and not inside_katakana_word(match) then
        mentions[#mentions + 1] = { actor = kind.entry.name, type = kind.entry.type, start = match.start,
                                    length = match.length + title.length, surface = match.text .. title.text }
        i = i + 2
      else
        i = i + 1
      end
    elseif kind.kind == "abbreviation" then
      -- A run of adjacent abbreviations: 日米, 米中, 日英伊.
      local run = { match }
      local j = i + 1
      while kind_of(matches[j]) == "abbreviation" and adjacent(run[#run], matches[j]) do
        run[#run + 1] = matches[j]
        j = j + 1
      end
      -- 13日米国…: a 日 right after a number is a day, not Japan.
      if kinds[run[1].pattern].entry.name == "日本" and is_digit(run[1].before) then table.remove(run, 1) end
      if #run >= 2 then
        local members, seen, surface = {}, {}, {}
        for _, part in ipairs(run) do
          local name = kinds[part.pattern].entry.name
          if not seen[name] then
            seen[name] = true
            members[#members + 1] = name
          end
          surface[#surface + 1] = part.text
        end
        local text = table.concat(surface)
        if #members >= 2 and not (self.weak[text] and not is_kanji(run[#run].after)) then
          compounds[#compounds + 1] = { actors = members, start = run[1].start,
                                        length = run[#run].start + run[#run].length - run[1].start,
                                        surface = text }
        end
      elseif #run == 1 then
        -- Alone, an abbreviation names its country only before a title or
        -- office (米大統領, 米政府) or a katakana name (米ワシントン).
        local single = run[1]
        local following = matches[j]
        if (adjacent(single, following) and kind_of(following) == "title") or is_katakana(single.after) then
          local entry = kinds[single.pattern].entry
          mentions[#mentions + 1] = { actor = entry.name, type = entry.type, start = single.start,
                                      length = single.length, surface = single.text }
        end
      end
      i = j
    else
      -- Titles alone, ignored words and prefixed abbreviations (対中, 訪米, 来日).
      i = i + 1
    end
  end
  return { mentions = mentions, compounds = compounds, matches = matches }
end

-- Proper-noun categories that name people, organisations and places.
local PROPER = { ["固有名詞,人名"] = true, ["固有名詞,組織"] = true, ["固有名詞,地域"] = true }
local PROPER_TOKENS = { pos = "名詞", pos2 = "固有名詞", pos3 = { "人名", "組織", "地域" } }

local function proper_category(token)
  if token.pos ~= "名詞" then return nil end
  -- Words IPADIC does not know (no reading) in Latin letters are mostly
  -- English words, URLs and acronyms that MeCab guesses are organisations.
  if token.reading == "" and not token.surface:find("[\128-\255]") then return nil end
  local top = token.pos_detail:match("^([^,]+,[^,]+)")
  return top and PROPER[top] and top or nil
end

--- Names MeCab tags as proper nouns (人名, 組織, 地域) that no dictionary
--- match covers. Adjacent proper nouns are joined (姓 + 名 → one name);
--- single characters (日, 米) are left out. `found` is the result of
--- Dictionary:find for the same document.
function Dictionary:unlisted(doc, found)
  local covered = {}
  for _, match in ipairs(found.matches) do
    for position = match.start, match.start + match.length - 1 do covered[position] = true end
  end
  ipadic.require("actors: finding unlisted names")
  local names = {}
  local current
  local function flush()
    if current and kiji.text.len(current.surface) > 1 then names[#names + 1] = current end
    current = nil
  end
  -- Only proper nouns are asked for; `index` shows whether another token
  -- (even one of length 0, such as a combining mark) came between two.
  local last_index
  for _, token in ipairs(doc:tokens(PROPER_TOKENS)) do
    if last_index and token.index ~= last_index + 1 then flush() end
    last_index = token.index
    local category = proper_category(token)
    local is_covered = false
    for position = token.start, token.start + token.length - 1 do
      if covered[position] then is_covered = true break end
    end
    if category and not is_covered then
      if current and current.start + current.length == token.start then
        current.surface = current.surface .. token.surface
        current.length = current.length + token.length
      else
        flush()
        current = { actor = token.surface, surface = token.surface, type = "unlisted",
                    start = token.start, length = token.length }
      end
      current.actor = current.surface
    else
      flush()
    end
  end
  flush()
  return names
end

return actors
