//! Size reports (filled in next).
