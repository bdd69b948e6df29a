return corpus:count({"中国","台湾"})
