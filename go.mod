module github.com/caselint/caselint

go 1.26.8
