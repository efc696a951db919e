@testable import ChatBetoRender
import Testing

/// Groups the rendering suites so `swift test --filter Render` selects all of them.
@Suite enum Render {}
