package cb;

import org.borrowck4j.annotations.Borrowed;
import org.borrowck4j.annotations.Mut;
import org.borrowck4j.annotations.Owned;

/**
 * A square matrix (support type). A variable is its owner when it comes from {@link #identity}
 * or {@link #copy}; rows are borrowed from it.
 */
public class Matrix {
  private final int[][] cells;

  private Matrix(int n) {
    cells = new int[n][n];
  }

  @Owned
  public static Matrix identity(int n) {
    Matrix m = new Matrix(n);
    for (int i = 0; i < n; i++) {
      m.cells[i][i] = 1;
    }
    return m;
  }

  public int size() {
    return cells.length;
  }

  /** Adds {@code other} to this matrix, cell by cell. */
  @Mut
  public void addFrom(Matrix other) {
    for (int i = 0; i < cells.length; i++) {
      for (int j = 0; j < cells.length; j++) {
        cells[i][j] += other.cells[i][j];
      }
    }
  }

  /** Multiplies this matrix by {@code other}, in place (the receiver spelled as a parameter). */
  public void absorb(@Mut Matrix this, Matrix other) {
    addFrom(other);
  }

  /** Exchanges the first rows of this matrix and {@code other}. */
  @Mut
  public void swapFirstRow(@Mut Matrix other) {
    int[] first = cells[0];
    cells[0] = other.cells[0];
    other.cells[0] = first;
  }

  /** Writes this matrix into {@code target}; this one is only read. */
  public void copyInto(@Mut Matrix target) {
    target.addFrom(this);
  }

  /** Appends a copy of {@code row} as the values of the first column. */
  @Mut
  public void appendCopyOf(Row row) {
    cells[0][0] += row.first();
  }

  /** Adds {@code value} to the first cell. */
  @Mut
  public void bump(int value) {
    cells[0][0] += value;
  }

  /** A row of this matrix, borrowed from it. */
  @Borrowed
  public Row row(int i) {
    return new Row(cells[i]);
  }

  /** A fresh matrix with the same cells. */
  @Owned
  public Matrix copy() {
    Matrix m = new Matrix(cells.length);
    m.addFrom(this);
    return m;
  }
}
