return kiji.text.sub(kiji.text.normalize("ｱﾝﾄﾞﾛｲﾄﾞ①"), 2, -2) .. #kiji.text.split("a,b,,c") .. kiji.text.trim("　x ")
