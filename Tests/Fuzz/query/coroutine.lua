return coroutine.wrap(function() local m = kiji.matcher({"中国","尖閣"}) return #m:find(corpus[1]) + #corpus[2]:find_all("緊張") end)()
