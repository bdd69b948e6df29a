return kiji.group({{k="a",n=1},{k="a",n=2.5},{k=1,n=3}}, {"k"}, {n="sum"})
