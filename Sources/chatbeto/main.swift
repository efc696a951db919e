import ChatBetoCore
print(ChatBeto.version)
