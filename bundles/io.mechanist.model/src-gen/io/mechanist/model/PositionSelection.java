/**
 */
package io.mechanist.model;

import org.eclipse.emf.common.util.EList;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Position Selection</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * Which token positions of each prompt were captured. RANGE uses start (inclusive) and end (exclusive); negative values count from the prompt's end (-1 is the last token). LIST uses positions, negative values likewise.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link io.mechanist.model.PositionSelection#getKind <em>Kind</em>}</li>
 *   <li>{@link io.mechanist.model.PositionSelection#getStart <em>Start</em>}</li>
 *   <li>{@link io.mechanist.model.PositionSelection#getEnd <em>End</em>}</li>
 *   <li>{@link io.mechanist.model.PositionSelection#getPositions <em>Positions</em>}</li>
 * </ul>
 *
 * @see io.mechanist.model.MechanistPackage#getPositionSelection()
 * @model
 * @generated
 */
public interface PositionSelection extends EObject {
	/**
	 * Returns the value of the '<em><b>Kind</b></em>' attribute.
	 * The literals are from the enumeration {@link io.mechanist.model.PositionKind}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Kind</em>' attribute.
	 * @see io.mechanist.model.PositionKind
	 * @see #setKind(PositionKind)
	 * @see io.mechanist.model.MechanistPackage#getPositionSelection_Kind()
	 * @model
	 * @generated
	 */
	PositionKind getKind();

	/**
	 * Sets the value of the '{@link io.mechanist.model.PositionSelection#getKind <em>Kind</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Kind</em>' attribute.
	 * @see io.mechanist.model.PositionKind
	 * @see #getKind()
	 * @generated
	 */
	void setKind(PositionKind value);

	/**
	 * Returns the value of the '<em><b>Start</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Start</em>' attribute.
	 * @see #setStart(int)
	 * @see io.mechanist.model.MechanistPackage#getPositionSelection_Start()
	 * @model
	 * @generated
	 */
	int getStart();

	/**
	 * Sets the value of the '{@link io.mechanist.model.PositionSelection#getStart <em>Start</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Start</em>' attribute.
	 * @see #getStart()
	 * @generated
	 */
	void setStart(int value);

	/**
	 * Returns the value of the '<em><b>End</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>End</em>' attribute.
	 * @see #setEnd(int)
	 * @see io.mechanist.model.MechanistPackage#getPositionSelection_End()
	 * @model
	 * @generated
	 */
	int getEnd();

	/**
	 * Sets the value of the '{@link io.mechanist.model.PositionSelection#getEnd <em>End</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>End</em>' attribute.
	 * @see #getEnd()
	 * @generated
	 */
	void setEnd(int value);

	/**
	 * Returns the value of the '<em><b>Positions</b></em>' attribute list.
	 * The list contents are of type {@link java.lang.Integer}.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Positions</em>' attribute list.
	 * @see io.mechanist.model.MechanistPackage#getPositionSelection_Positions()
	 * @model unique="false"
	 * @generated
	 */
	EList<Integer> getPositions();

} // PositionSelection
