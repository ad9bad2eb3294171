// copydesk — fuzz harness: the newsml reader.

import FuzzSupport

Harness.main { data, size in
    if let data { Harness.read(data, size, format: "newsml") }
    return 0
}
