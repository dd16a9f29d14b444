import ArgumentParser
@main struct Roundtable: ParsableCommand {}
