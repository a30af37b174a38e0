print("gerbang")
