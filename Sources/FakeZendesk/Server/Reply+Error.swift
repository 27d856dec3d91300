/// A reply can be thrown: selecting a page throws the 400 it answers with.
extension Reply: Error {}
