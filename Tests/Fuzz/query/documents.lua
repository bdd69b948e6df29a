local out = {} for doc in corpus:documents() do out[#out+1] = { id = doc.id, n = doc:count("中国"), s = #doc:sentences() } end return out
